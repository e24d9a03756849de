package io.servicedelivery.mailbox;

/** Why an inbound mail created no work (inbound_mail.reason starts with it). */
public enum IgnoreReason {
  /** an out-of-office or other automatic answer (Auto-Submitted, X-Autoreply, Precedence, ...) */
  AUTO_REPLY,
  /** a delivery status notification (multipart/report, empty Return-Path, MAILER-DAEMON, postmaster) */
  BOUNCE,
  /** a mail from the desk's own address: never answered, so that two systems cannot answer each other forever */
  OWN_MAIL,
  /** a reply from somebody who is not the request's requester (or of its customer), or a new mail from an address
   * that never asked for anything and is not a configured known sender */
  UNKNOWN_SENDER,
  /** a reply without any text of its own */
  EMPTY_REPLY,
  /** a new mail that intake refused (no catalog service mapped to the desk address, an invalid request) */
  REJECTED
}
