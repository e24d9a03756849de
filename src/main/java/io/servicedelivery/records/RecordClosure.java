package io.servicedelivery.records;

import java.time.Instant;

/**
 * Everything the delivery record keeps when a request ends. The fields a request never reached (a rejected
 * request was never planned, for example) are null. The requester and the customer are not part of it: they stay
 * as the record got them when the request arrived, and the service, catalog version, priority and due dates the
 * record holds win over these ({@link RecordClosures#close}).
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
    Instant responseDueAt,
    Instant resolutionDueAt,
    Instant plannedAt,
    Instant plannedCompletionAt,
    String assignedTo,
    int reworkCount) {}
