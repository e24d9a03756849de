package io.servicedelivery.delivery;

import io.servicedelivery.catalog.BusinessCalendars;
import io.servicedelivery.catalog.Priority;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.catalog.SlaTarget;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaDueDates;
import io.servicedelivery.sla.SlaTerms;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * A new priority gives a request new due dates: computed from the moment it was received with the targets of the
 * new priority in the catalog version the request was validated against, each in its calendar, and with the
 * resolution moved by the business time the request was paused so far.
 */
@Service
public class SlaRecalculation {

  private final ServiceCatalog catalog;
  private final BusinessCalendars calendars;
  private final SlaClock slaClock;
  private final ServiceDeliveryRecords records;

  SlaRecalculation(
      ServiceCatalog catalog, BusinessCalendars calendars, SlaClock slaClock, ServiceDeliveryRecords records) {
    this.catalog = catalog;
    this.calendars = calendars;
    this.slaClock = slaClock;
    this.records = records;
  }

  /** The new due dates, and the target they were computed from: it names the calendars they count in. */
  public record Recalculated(SlaDueDates due, SlaTarget target) {}

  public Recalculated forPriority(
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
    SlaTerms terms = calendars.terms(target);
    SlaDueDates due =
        slaClock.moveResolution(slaClock.dueDates(receivedAt, terms), paused, terms.resolutionCalendar());
    records.bindSla(requestId, priority.name(), due.responseDueAt(), due.resolutionDueAt());
    return new Recalculated(due, target);
  }
}
