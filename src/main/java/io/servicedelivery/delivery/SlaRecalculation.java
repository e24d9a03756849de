package io.servicedelivery.delivery;

import io.servicedelivery.catalog.Priority;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.catalog.SlaTarget;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaDueDates;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * A new priority gives a request new due dates: computed from the moment it was received with the targets of the
 * new priority in the catalog version the request was validated against, and moved by the time it was paused.
 */
@Service
class SlaRecalculation {

  private final ServiceCatalog catalog;
  private final SlaClock slaClock;
  private final ServiceDeliveryRecords records;

  SlaRecalculation(ServiceCatalog catalog, SlaClock slaClock, ServiceDeliveryRecords records) {
    this.catalog = catalog;
    this.slaClock = slaClock;
    this.records = records;
  }

  SlaDueDates forPriority(
      String requestId,
      String serviceCode,
      Integer catalogVersion,
      Priority priority,
      Instant receivedAt,
      Duration paused) {
    ServiceDefinition service =
        catalogVersion == null ? catalog.get(serviceCode) : catalog.find(serviceCode, catalogVersion).orElseThrow();
    SlaTarget target =
        service
            .slaFor(priority)
            .orElseThrow(() -> new IllegalStateException(service.name() + " has no SLA for priority " + priority));
    SlaDueDates due = slaClock.dueDates(receivedAt, target.response(), target.resolution());
    SlaDueDates moved =
        new SlaDueDates(due.responseDueAt(), due.resolutionDueAt().plus(paused), due.warningAt().plus(paused));
    records.bindSla(requestId, priority.name(), moved.responseDueAt(), moved.resolutionDueAt());
    return moved;
  }
}
