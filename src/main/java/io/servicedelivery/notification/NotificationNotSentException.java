package io.servicedelivery.notification;

/**
 * The mail server did not accept a notification. Thrown out of the sending job so that the engine retries it and,
 * after the last retry, raises an incident in Cockpit whose message is this one.
 */
public class NotificationNotSentException extends RuntimeException {

  NotificationNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
