package io.servicedelivery.mailbox;

import java.time.Instant;

/** An inbound mail as stored, without its raw source. */
public record InboundMail(
    long id,
    String messageId,
    String from,
    String to,
    String subject,
    Instant receivedAt,
    InboundMailStatus status,
    MailOutcome outcome,
    String reason,
    String requestId,
    Instant processedAt) {}
