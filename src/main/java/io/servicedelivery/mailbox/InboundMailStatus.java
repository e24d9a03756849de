package io.servicedelivery.mailbox;

/** Where a stored inbound mail stands. */
public enum InboundMailStatus {
  /** stored, its handling job not run yet (or failing: see its incident in Cockpit) */
  RECEIVED,
  /** handled: it answered, confirmed, reopened or commented on a request, or created one */
  PROCESSED,
  /** recognised as mail that never creates work: an auto-reply, a bounce, an unknown sender, ... (see the reason) */
  IGNORED
}
