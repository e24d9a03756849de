package io.servicedelivery.notification;

import java.time.Instant;

/** A notification in the outbox. */
public record OutboxNotification(
    long id, String requestId, String type, String recipient, String subject, String body, Instant createdAt) {}
