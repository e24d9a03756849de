/**
 * What-if simulation of the delivery before a change: a model derived from the history of a period ({@link
 * io.servicedelivery.simulation.History} → {@link io.servicedelivery.simulation.SimulationModel}), simulated with the
 * SSJ discrete-event library ({@link io.servicedelivery.simulation.DeliverySimulation}), validated against the
 * period's actual key figures and asked "what if" through {@code /api/simulations}. See {@code docs/simulation.md}.
 * Sits on top of the other capabilities: it reads them, nothing depends on it.
 */
package io.servicedelivery.simulation;
