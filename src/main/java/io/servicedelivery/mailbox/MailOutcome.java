package io.servicedelivery.mailbox;

/** What handling an inbound mail did (inbound_mail.outcome, and the end event of the process inbound-mail). */
public enum MailOutcome {
  /** the customer's answer to the question a request waits on */
  ANSWERED,
  /** the customer confirmed a completed request */
  CONFIRMED,
  /** the customer objected to a completed request: it is reopened */
  REOPENED,
  /** a customer comment on the request */
  COMMENTED,
  /** a new request */
  REQUEST_CREATED,
  /** nothing: see the reason */
  IGNORED
}
