package io.servicedelivery.intake;

import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.sla.SlaState;
import java.time.Instant;

/** One line of the request list. */
public record ServiceRequestSummary(
    String requestId,
    CustomerEvent status,
    String title,
    String serviceCode,
    String priority,
    String customerId,
    Instant receivedAt,
    Instant resolutionDueAt,
    SlaState slaState) {}
