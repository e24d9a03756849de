package io.servicedelivery.notification;

/**
 * Hands a mail that {@link Notifications} queued to the process "notification", which sends it in a job of its own,
 * for the callers that are no step of a process (a comment through the API, a mail that came in). In the caller's
 * transaction: the mail goes out only if what caused it is committed. The glue of the process implements it
 * ({@code notification.process.StartNotificationProcess}); a send task of a process hands its mail over itself.
 */
public interface QueuedMails {

  /** Sends the queued mail {@code mailId} about the request {@code requestId} once the caller's transaction commits. */
  void send(String requestId, long mailId);
}
