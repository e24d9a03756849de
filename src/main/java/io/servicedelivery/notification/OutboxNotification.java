package io.servicedelivery.notification;

import java.time.Instant;

/**
 * A notification the mail server accepted, for one recipient. {@code sentAt} is empty only in rows written before
 * notifications went out by e-mail.
 */
public record OutboxNotification(
    long id,
    String requestId,
    String type,
    String recipient,
    String subject,
    String body,
    Instant createdAt,
    Instant sentAt,
    String messageId) {}
