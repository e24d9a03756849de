/**
 * How the embedded engine behaves when people, clients and the engine's own jobs act on one request at the same
 * moment: a person's call that lost a race with a job is run again, a job that lost a race runs again at once, and
 * what is left - two people really changing the same thing - is a 409 problem that says to reload and try again.
 */
package io.servicedelivery.engine;
