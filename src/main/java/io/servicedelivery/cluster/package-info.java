/**
 * What lets several nodes of the application share one database: the Camunda schema created and upgraded by the
 * same Flyway run as the application's tables (serialised by Flyway's lock, before any engine starts), the set-up
 * every node does at start (groups, permissions, filters, the first administrator, demo data) run one node after
 * the other under a row lock, and each node's name in the engine's job log.
 */
package io.servicedelivery.cluster;
