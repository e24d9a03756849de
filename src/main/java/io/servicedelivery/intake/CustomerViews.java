package io.servicedelivery.intake;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.records.RecordFilter;
import io.servicedelivery.records.RecordPage;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaState;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/** Builds what a customer (or a system acting for one) may see of requests, from their delivery records. */
@Service
class CustomerViews {

  private final ServiceDeliveryRecords records;
  private final ServiceRequests requests;
  private final ServiceCatalog catalog;
  private final SlaClock slaClock;

  CustomerViews(
      ServiceDeliveryRecords records, ServiceRequests requests, ServiceCatalog catalog, SlaClock slaClock) {
    this.records = records;
    this.requests = requests;
    this.catalog = catalog;
    this.slaClock = slaClock;
  }

  ServiceRequestView get(String requestId) {
    ServiceDeliveryRecord record =
        records.find(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
    CustomerEvent status = record.customerStatus();
    List<String> reasons =
        record.outcome() == RequestOutcome.REJECTED && record.outcomeReason() != null
            ? Arrays.asList(record.outcomeReason().split("\n"))
            : List.of();
    return new ServiceRequestView(
        record.requestId(),
        status,
        status == null ? null : status.description(),
        reasons,
        record.serviceCode(),
        record.serviceCode() == null
            ? null
            : catalog.find(record.serviceCode()).map(ServiceDefinition::name).orElse(null),
        record.requestType(),
        record.title(),
        record.priority(),
        record.channel(),
        requests.find(requestId).map(StoredRequest::externalReference).orElse(null),
        record.customerId(),
        record.receivedAt(),
        record.resolutionDueAt() == null
            ? null
            : new ServiceRequestView.Sla(record.responseDueAt(), record.resolutionDueAt(), slaState(record)),
        records.timelineOf(requestId).stream()
            .map(entry -> new ServiceRequestView.TimelineItem(entry.event(), entry.at(), entry.event().description()))
            .toList());
  }

  ServiceRequestPage page(RecordFilter filter, int page, int size) {
    RecordPage records = this.records.page(filter, page, size);
    List<ServiceRequestSummary> items =
        records.records().stream()
            .map(
                record ->
                    new ServiceRequestSummary(
                        record.requestId(),
                        record.customerStatus(),
                        record.title(),
                        record.serviceCode(),
                        record.priority(),
                        record.customerId(),
                        record.receivedAt(),
                        record.resolutionDueAt(),
                        record.resolutionDueAt() == null ? null : slaState(record)))
            .toList();
    long totalPages = (records.total() + size - 1) / size;
    return new ServiceRequestPage(items, page, size, records.total(), totalPages);
  }

  private SlaState slaState(ServiceDeliveryRecord record) {
    return switch (record.outcome()) {
      case OPEN ->
          record.slaBreachedAt() != null
              ? SlaState.BREACHED
              : slaClock.stateOfOpen(record.receivedAt(), record.resolutionDueAt());
      case CLOSED -> Boolean.TRUE.equals(record.resolutionMet()) ? SlaState.MET : SlaState.MISSED;
      case REJECTED, CANCELLED, ABANDONED -> null;
    };
  }
}
