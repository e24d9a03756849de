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
    String planDeviationReason) {}
