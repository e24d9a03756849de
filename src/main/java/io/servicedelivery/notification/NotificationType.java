package io.servicedelivery.notification;

import java.util.Locale;

/**
 * The notifications the service organisation sends. Each has a template of its own, {@code mail/<type>.mustache}
 * on the classpath (for example {@code mail/request-acknowledged.mustache}), filled from the request's process
 * variables.
 */
public enum NotificationType {
  REQUEST_ACKNOWLEDGED,
  REQUEST_REJECTED,
  /** A staff member asks the requester a question. */
  WAITING_FOR_CUSTOMER,
  /** One working day before the request would be closed unanswered: the question again. */
  CUSTOMER_REMINDER,
  /** The requester did not answer the question in time; the request is closed. */
  REQUEST_ABANDONED,
  /** The delivery is complete: confirm it, or tell us what is wrong. */
  REQUEST_COMPLETED,
  /** The request is closed (confirmed, or no objection in time): with the invitation to rate it. */
  REQUEST_CLOSED,
  REQUEST_CANCELLED,
  /** Internal: to the assigned staff member and the service coordinators. */
  SLA_WARNING,
  /** Internal: to the operations managers when a request is not planned within its response time. */
  RESPONSE_OVERDUE,
  /** Internal: to the assigned staff member and the service coordinators when the customer comments on a request. */
  CUSTOMER_COMMENTED,
  /** A staff member wrote a comment the requester reads. */
  COMMENT_FOR_CUSTOMER;

  String template() {
    return "mail/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".mustache";
  }
}
