package io.servicedelivery.records;

/** Where a service request stands in its life: open until it is closed, rejected or cancelled. */
public enum RequestOutcome {
  OPEN,
  CLOSED,
  REJECTED,
  CANCELLED,
  /** the customer did not answer a question in time */
  ABANDONED
}
