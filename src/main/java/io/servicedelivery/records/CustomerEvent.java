package io.servicedelivery.records;

/**
 * What the customer sees happen to their request: the events on the customer's side of the service blueprint's
 * line of visibility. Backstage steps (monitoring, corrective action, quality review, rework) never appear here.
 */
public enum CustomerEvent {
  RECEIVED("We received your request."),
  PLANNED("Your request is planned and a specialist is assigned."),
  IN_PROGRESS("We are working on your request."),
  WAITING_FOR_YOU("We are waiting for information from you."),
  COMPLETED("The service is delivered and has passed our quality check. Please confirm it, or tell us what is wrong."),
  /** the customer objected to the completed delivery: we work on it again */
  REOPENED("You told us something is wrong: we reopened your request and are working on it again."),
  CLOSED("Your request is closed."),
  REJECTED("We could not accept your request."),
  CANCELLED("Your request is cancelled."),
  ABANDONED("We closed your request because we did not hear from you.");

  private final String description;

  CustomerEvent(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
