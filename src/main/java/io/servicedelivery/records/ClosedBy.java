package io.servicedelivery.records;

/** How a delivered request was closed after its resolution. */
public enum ClosedBy {
  /** the customer confirmed the delivery (API, the link in the mail, or a reply) */
  CONFIRMED,
  /** the customer did not object within the confirmation period */
  NO_OBJECTION
}
