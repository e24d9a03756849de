package io.servicedelivery.intake;

import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.records.CustomerFeedback;
import io.servicedelivery.sla.SlaState;
import java.time.Instant;
import java.util.List;

/**
 * A service request as its customer sees it: where it stands in their words, its SLA, and the events on their side
 * of the line of visibility, and their rating once they gave one. Backstage steps are never named.
 */
public record ServiceRequestView(
    String requestId,
    CustomerEvent status,
    String currentStep,
    List<String> reasons,
    String serviceCode,
    String serviceName,
    String requestType,
    String title,
    String priority,
    String channel,
    String externalReference,
    String customerId,
    Instant receivedAt,
    Sla sla,
    List<TimelineItem> timeline,
    CustomerFeedback feedback) {

  /** The due times the request is bound to, and how it stands against them (none for rejected requests). */
  public record Sla(Instant responseDueAt, Instant resolutionDueAt, SlaState state) {}

  public record TimelineItem(CustomerEvent event, Instant at, String description) {}
}
