package io.servicedelivery.records;

import java.time.Instant;

/**
 * Everything the delivery record keeps when a request ends. The fields a request never reached (a rejected
 * request was never planned, for example) are null.
 */
public record RecordClosure(
    String requestId,
    RequestOutcome outcome,
    String reason,
    String serviceCode,
    Integer catalogVersion,
    String requestType,
    String priority,
    String title,
    String requesterName,
    String requesterEmail,
    String customerId,
    Instant responseDueAt,
    Instant resolutionDueAt,
    Instant plannedAt,
    Instant plannedCompletionAt,
    String assignedTo,
    int reworkCount) {}
