package io.servicedelivery.records;

import java.time.Instant;

/**
 * What the delivery record learns when a request ends. The fields a request never reached (a rejected request was
 * never planned, for example) are null. Everything else the record already holds since the request arrived or was
 * validated (the requester and customer, the service, the catalog version and its price, the SLA due dates) and is
 * not repeated here; the priority only fills a record that has none yet (a request whose priority was decided but
 * that was rejected before its SLA was bound).
 */
public record RecordClosure(
    String requestId,
    RequestOutcome outcome,
    String reason,
    String priority,
    Instant plannedAt,
    Instant plannedCompletionAt,
    String assignedTo,
    int reworkCount,
    /** for a delivered request (outcome CLOSED): whether the customer confirmed it or let the period pass */
    ClosedBy closedBy) {}
