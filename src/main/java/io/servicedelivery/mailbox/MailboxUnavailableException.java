package io.servicedelivery.mailbox;

/** The service-desk mailbox cannot be read (server down, login refused, ...): the reading job fails and is retried. */
public class MailboxUnavailableException extends RuntimeException {

  public MailboxUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
