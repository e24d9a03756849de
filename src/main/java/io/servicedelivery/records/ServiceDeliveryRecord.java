package io.servicedelivery.records;

import java.math.BigDecimal;
import java.time.Instant;

/** The audit and billing record of one service request. */
public record ServiceDeliveryRecord(
    String requestId,
    String processInstanceId,
    String channel,
    Instant receivedAt,
    String serviceCode,
    Integer catalogVersion,
    /** the version of the process service-delivery the request runs (ran) on; null for records older than V23 */
    Integer processVersion,
    String requestType,
    String priority,
    String title,
    String requesterName,
    String requesterEmail,
    String customerId,
    /** the requester's IANA time zone, when the request gave one */
    String requesterTimeZone,
    Instant responseDueAt,
    Instant resolutionDueAt,
    Instant plannedAt,
    String assignedTo,
    Instant completedAt,
    Instant closedAt,
    RequestOutcome outcome,
    String outcomeReason,
    Boolean responseMet,
    Boolean resolutionMet,
    Instant slaBreachedAt,
    int reworkCount,
    Boolean firstTimeRight,
    BigDecimal effortHours,
    BigDecimal cost,
    CustomerEvent customerStatus,
    Instant plannedCompletionAt,
    BigDecimal costRatePerHour,
    BigDecimal materialsCost,
    String currency,
    BillingStatus billingStatus,
    Instant plannedStartAt,
    String planDeviationReason,
    /** when the delivery passed its quality check and the customer was asked to confirm it; the resolution SLA is
     * judged here; null until then, and again after a reopening until the next resolution */
    Instant resolvedAt,
    /** how a delivered request was closed: confirmed by the customer, or no objection within the period */
    ClosedBy closedBy,
    /** how often the customer objected to a resolution and the request was reopened */
    int reopenCount) {

  /** @return whether the request is resolved and waits for the customer's confirmation or objection */
  public boolean awaitsConfirmation() {
    return outcome == RequestOutcome.OPEN && resolvedAt != null;
  }
}
