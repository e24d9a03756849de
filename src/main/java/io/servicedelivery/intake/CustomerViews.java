package io.servicedelivery.intake;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.conversation.Note;
import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.conversation.RequestAttachments;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.records.CustomerTimelines;
import io.servicedelivery.records.CustomerFeedbacks;
import io.servicedelivery.records.RecordFilter;
import io.servicedelivery.records.RecordPage;
import io.servicedelivery.records.RecordSearch;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.records.Viewer;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaPauseLog;
import io.servicedelivery.sla.SlaPauseTotal;
import io.servicedelivery.sla.SlaState;
import io.servicedelivery.sla.SlaTarget;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds what a customer (or a system acting for one) may see of requests, from their delivery records. An answer
 * takes several queries (the record, the catalog, the SLA's calendar and pauses, the timeline, the rating, the notes
 * and the files meant for the customer, one query each): they run in one read-only transaction, one after the other on
 * one connection.
 */
@Service
class CustomerViews {

  /** request ids bound to one {@code in} list: far below what every database accepts */
  private static final int IN_LIST_SIZE = 500;

  private final ServiceDeliveryRecords records;
  private final RecordSearch search;
  private final CustomerTimelines timeline;
  private final SlaPauseLog pauseLog;
  private final ServiceRequests requests;
  private final ServiceCatalog catalog;
  private final BusinessCalendars businessCalendars;
  private final SlaClock slaClock;
  private final CustomerFeedbacks feedbacks;
  private final RequestNotes notes;
  private final RequestAttachments attachments;

  CustomerViews(
      ServiceDeliveryRecords records,
      RecordSearch search,
      CustomerTimelines timeline,
      SlaPauseLog pauseLog,
      ServiceRequests requests,
      ServiceCatalog catalog,
      BusinessCalendars businessCalendars,
      SlaClock slaClock,
      CustomerFeedbacks feedbacks,
      RequestNotes notes,
      RequestAttachments attachments) {
    this.records = records;
    this.search = search;
    this.timeline = timeline;
    this.pauseLog = pauseLog;
    this.requests = requests;
    this.catalog = catalog;
    this.businessCalendars = businessCalendars;
    this.slaClock = slaClock;
    this.feedbacks = feedbacks;
    this.notes = notes;
    this.attachments = attachments;
  }

  /** The request as the application itself sees it; for answers to callers who were checked before. */
  @Transactional(readOnly = true)
  ServiceRequestView get(String requestId) {
    return get(requestId, Viewer.SYSTEM);
  }

  /**
   * The request, if the viewer may see it ({@link Viewer}).
   *
   * @throws RequestNotFoundException for an unknown request and for one the viewer may not see alike
   */
  @Transactional(readOnly = true)
  ServiceRequestView get(String requestId, Viewer viewer) {
    ServiceDeliveryRecord record =
        records.find(requestId, viewer).orElseThrow(() -> new RequestNotFoundException(requestId));
    CustomerEvent status = record.customerStatus();
    List<Note> conversation = notes.forCustomer(requestId);
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
            : new ServiceRequestView.Sla(
                record.responseDueAt(),
                record.resolutionDueAt(),
                slaState(record, new SlaLookup(List.of(record.requestId())))),
        timeline.timelineOf(requestId).stream()
            .map(entry -> new ServiceRequestView.TimelineItem(entry.event(), entry.at(), entry.event().description()))
            .toList(),
        feedbacks.of(requestId).orElse(null),
        status == CustomerEvent.WAITING_FOR_YOU ? openQuestion(conversation) : null,
        conversation.stream()
            .map(note -> new ServiceRequestView.Message(note.kind(), note.author(), note.body(), note.createdAt()))
            .toList(),
        attachments.forCustomer(requestId).stream()
            .map(
                file ->
                    new ServiceRequestView.File(
                        file.id(),
                        file.fileName(),
                        file.contentType(),
                        file.sizeBytes(),
                        file.createdAt(),
                        AttachmentView.downloadPath(requestId, file.id())))
            .toList());
  }

  /** The last question asked, while the request waits for the customer. */
  private static ServiceRequestView.Question openQuestion(List<Note> conversation) {
    for (int i = conversation.size() - 1; i >= 0; i--) {
      Note note = conversation.get(i);
      if (note.kind() == NoteKind.QUESTION) {
        return new ServiceRequestView.Question(note.body(), note.createdAt());
      }
    }
    return null;
  }

  /**
   * The requests the viewer may see ({@link Viewer}) that match the filter, newest first: a count and a page, or, for
   * an SLA state that depends on the clock (on track, at risk, breached), the open requests that may be in it, judged
   * here as {@link #get} shows them, with their pauses read in one statement per 500 requests.
   */
  @Transactional(readOnly = true)
  ServiceRequestPage page(RecordFilter filter, Viewer viewer, int page, int size) {
    RecordPage records;
    SlaLookup sla;
    if (filter.slaStateNeedsClock()) {
      List<ServiceDeliveryRecord> candidates = search.candidates(filter, viewer);
      sla = new SlaLookup(candidates.stream().map(ServiceDeliveryRecord::requestId).toList());
      List<ServiceDeliveryRecord> matching =
          candidates.stream().filter(record -> slaState(record, sla) == filter.slaState()).toList();
      int from = (int) Math.min((long) page * size, matching.size());
      records =
          new RecordPage(
              matching.subList(from, Math.min(from + size, matching.size())), page, size, matching.size());
    } else {
      records = search.page(filter, viewer, page, size);
      sla = new SlaLookup(records.records().stream().map(ServiceDeliveryRecord::requestId).toList());
    }
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
                        record.resolutionDueAt() == null ? null : slaState(record, sla)))
            .toList();
    long totalPages = (records.total() + size - 1) / size;
    return new ServiceRequestPage(items, page, size, records.total(), totalPages);
  }

  private SlaState slaState(ServiceDeliveryRecord record, SlaLookup sla) {
    if (record.awaitsConfirmation() && record.resolutionMet() != null) {
      // resolved: the SLA was judged at the resolution, while the customer may still confirm or object
      return record.resolutionMet() ? SlaState.MET : SlaState.MISSED;
    }
    return switch (record.outcome()) {
      case OPEN -> record.slaBreachedAt() != null ? SlaState.BREACHED : openState(record, sla);
      case CLOSED -> Boolean.TRUE.equals(record.resolutionMet()) ? SlaState.MET : SlaState.MISSED;
      case REJECTED, CANCELLED, ABANDONED -> null;
    };
  }

  /**
   * Counted in the resolution calendar of the SLA the request was bound to, without the time it was paused; at risk
   * from its second warning.
   */
  private SlaState openState(ServiceDeliveryRecord record, SlaLookup sla) {
    SlaPauseTotal pauses = sla.pauses(record);
    if (pauses.pausedNow()) {
      return SlaState.PAUSED;
    }
    Optional<SlaTarget> target = sla.target(record);
    if (target.isEmpty()) {
      return slaClock.stateOfOpen(record.receivedAt(), record.resolutionDueAt());
    }
    return slaClock.stateOfOpen(
        record.receivedAt(),
        record.resolutionDueAt(),
        sla.calendar(target.get().resolutionCalendar()),
        pauses.paused(),
        target.get().warningPercents().get(1));
  }

  /** The SLA targets, calendars and pauses of the requests of one answer, each read once. */
  private final class SlaLookup {

    private final Map<String, Optional<SlaTarget>> targets = new HashMap<>();
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();
    private final Map<String, SlaPauseTotal> pauses;

    SlaLookup(List<String> requestIds) {
      this.pauses = new HashMap<>();
      for (int from = 0; from < requestIds.size(); from += IN_LIST_SIZE) {
        pauses.putAll(pauseLog.pauseTotals(requestIds.subList(from, Math.min(requestIds.size(), from + IN_LIST_SIZE))));
      }
    }

    SlaPauseTotal pauses(ServiceDeliveryRecord record) {
      return pauses.getOrDefault(record.requestId(), SlaPauseTotal.NONE);
    }

    Optional<SlaTarget> target(ServiceDeliveryRecord record) {
      Priority priority = Priority.parse(record.priority());
      if (record.serviceCode() == null || record.catalogVersion() == null || priority == null) {
        return Optional.empty();
      }
      return targets.computeIfAbsent(
          record.serviceCode() + "/" + record.catalogVersion() + "/" + priority,
          key -> catalog.slaTarget(record.serviceCode(), record.catalogVersion(), priority));
    }

    BusinessCalendar calendar(String code) {
      return calendars.computeIfAbsent(code, businessCalendars::get);
    }
  }
}
