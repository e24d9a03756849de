package io.servicedelivery.intake;

import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.records.CustomerFeedback;
import io.servicedelivery.records.DeliveryRecordView;
import io.servicedelivery.records.DeliveryRecordViews;
import io.servicedelivery.records.RecordFilter;
import io.servicedelivery.records.Viewer;
import io.servicedelivery.sla.SlaState;
import io.servicedelivery.web.InvalidField;
import io.servicedelivery.web.InvalidParametersException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service requests for portals and systems: submit, follow, list, cancel and rate; their records for the staff.
 * Every read and every action is limited to the requests the caller may see ({@link Viewer}): an API client those it
 * submitted and those of the customers it serves, the operational staff, quality assurance and resource analysts the
 * requests they work on, service coordinators and operations managers all. Any other request answers 404, as an
 * unknown one does, and lists leave it out.
 */
@RestController
@RequestMapping("/api/service-requests")
@Tag(name = "Service requests")
@ApiResponse(responseCode = "401", description = "not authenticated")
class ServiceRequestController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** a search of more words than this is no search anybody types */
  static final int MAX_WORDS = 10;

  static final int MAX_QUERY_LENGTH = 200;

  private final RequestIntake intake;
  private final CustomerViews views;
  private final CustomerRatings ratings;
  private final DeliveryRecordViews recordViews;

  ServiceRequestController(
      RequestIntake intake, CustomerViews views, CustomerRatings ratings, DeliveryRecordViews recordViews) {
    this.intake = intake;
    this.views = views;
    this.ratings = ratings;
    this.recordViews = recordViews;
  }

  @PostMapping
  @Operation(
      summary = "Submit a service request",
      description =
          "Validates the request, stores it and starts its delivery in one transaction. A retry with the same "
              + "Idempotency-Key (or the same external reference from the same channel) returns the first request "
              + "with 200 and starts nothing.")
  @ApiResponse(responseCode = "201", description = "created; Location names the request")
  @ApiResponse(responseCode = "200", description = "the same request was submitted before; this is it")
  @ApiResponse(responseCode = "400", description = "malformed or invalid fields, listed in errors")
  @ApiResponse(responseCode = "403", description = "only API clients and service coordinators submit requests")
  @ApiResponse(
      responseCode = "422",
      description =
          "the catalog does not offer the service or request type, or the idempotency key was used for a "
              + "different request")
  ResponseEntity<ServiceRequestView> submit(
      @Valid @RequestBody NewServiceRequest request,
      @Parameter(description = "any unique string of the caller's, e.g. a UUID")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          @Size(min = 1, max = 255)
          @Pattern(regexp = "\\p{Graph}+", message = "must be printable characters without spaces")
          String idempotencyKey,
      Authentication caller) {
    return intake.submit(request, caller.getName(), idempotencyKey).toResponse();
  }

  @GetMapping("/{requestId}")
  @Operation(summary = "Follow a service request", description = "The customer's view: status, SLA and timeline.")
  @ApiResponse(responseCode = "200", description = "the request")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  ServiceRequestView get(@PathVariable String requestId, Authentication caller) {
    return views.get(requestId, Viewer.of(caller));
  }

  @GetMapping
  @Operation(
      summary = "List and search service requests",
      description =
          "The caller's requests (see the tag), newest first, that match every parameter given. q finds requests by "
              + "words: each word (separated by spaces, any case, % and _ taken literally) must occur in the request "
              + "id, the title, the description, the external reference or a note of the request; an API client "
              + "finds the notes meant for the customer only, the staff all notes. receivedFrom and receivedTo are "
              + "days in UTC: from the start of receivedFrom, inclusive, to the start of receivedTo, exclusive. "
              + "slaState is the state the list shows. A parameter the list does not know is a 400 naming it.")
  @ApiResponse(responseCode = "200", description = "a page of requests")
  @ApiResponse(
      responseCode = "400",
      description =
          "an unknown parameter, status or SLA state, a malformed date, receivedTo not after receivedFrom, too many "
              + "words, assignee from an API client, or a page out of range; errors names the parameter")
  ServiceRequestPage list(
      @RequestParam(required = false) CustomerEvent status,
      @RequestParam(required = false) @Size(max = 40) String serviceCode,
      @RequestParam(required = false) @Size(max = 64) String customerId,
      @Parameter(description = "words that must all occur in the request, e.g. 'vpn berlin'")
          @RequestParam(required = false)
          @Size(max = MAX_QUERY_LENGTH)
          String q,
      @Parameter(description = "the caller's own reference of the request, exactly")
          @RequestParam(required = false)
          @Size(max = 100)
          String externalReference,
      @Parameter(description = "received on or after this day (UTC), e.g. 2026-11-01")
          @RequestParam(required = false)
          @DateTimeFormat(iso = ISO.DATE)
          LocalDate receivedFrom,
      @Parameter(description = "received before this day (UTC), e.g. 2026-12-01")
          @RequestParam(required = false)
          @DateTimeFormat(iso = ISO.DATE)
          LocalDate receivedTo,
      @Parameter(description = "the user id of the staff member the request is allocated to; for the staff")
          @RequestParam(required = false)
          @Size(max = 64)
          String assignee,
      @Parameter(description = "where the request stands against its resolution SLA")
          @RequestParam(required = false)
          SlaState slaState,
      @Parameter(description = "the requester's e-mail address, in any case")
          @RequestParam(required = false)
          @Size(max = 254)
          String requesterEmail,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Authentication caller) {
    Viewer viewer = Viewer.of(caller);
    List<InvalidField> errors = new ArrayList<>();
    List<String> words = RecordFilter.words(q);
    if (words.size() > MAX_WORDS) {
      errors.add(new InvalidField("q", "must have at most " + MAX_WORDS + " words"));
    }
    if (receivedFrom != null && receivedTo != null && !receivedTo.isAfter(receivedFrom)) {
      errors.add(new InvalidField("receivedTo", "must be after receivedFrom"));
    }
    if (StringUtils.hasText(assignee) && !viewer.seesAll() && !viewer.isStaff()) {
      errors.add(new InvalidField("assignee", "is for the service organisation's staff"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidParametersException(errors);
    }
    RecordFilter filter =
        new RecordFilter(
            status,
            text(serviceCode),
            text(customerId),
            words,
            text(externalReference),
            startOf(receivedFrom),
            startOf(receivedTo),
            text(assignee),
            text(requesterEmail),
            slaState);
    return views.page(filter, viewer, page, size);
  }

  /** {@code name=} as a form without a choice sends it: no filter */
  private static String text(String value) {
    return StringUtils.hasText(value) ? value : null;
  }

  private static Instant startOf(LocalDate day) {
    return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @PostMapping("/{requestId}/customer-response")
  @Operation(
      summary = "Answer the question asked about a request",
      description = "The request continues with the staff member who asked.")
  @ApiResponse(responseCode = "200", description = "answered; the request is in progress again")
  @ApiResponse(responseCode = "400", description = "no answer given")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  @ApiResponse(responseCode = "409", description = "the request is not waiting for information from the customer")
  ServiceRequestView respond(
      @PathVariable String requestId, @Valid @RequestBody CustomerResponse response, Authentication caller) {
    return intake.respond(Viewer.of(caller), requestId, response.answer());
  }

  @PutMapping("/{requestId}/priority")
  @Operation(
      summary = "Change the priority of a request",
      description = "Operations managers only. The due dates are recomputed from the moment the request arrived "
          + "with the targets of the new priority, and the SLA timers move with them.")
  @ApiResponse(responseCode = "200", description = "the request with its new priority and due dates")
  @ApiResponse(responseCode = "400", description = "an unknown priority or no reason")
  @ApiResponse(responseCode = "403", description = "only operations managers change priorities")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  @ApiResponse(responseCode = "409", description = "already closed, rejected or cancelled")
  ServiceRequestView changePriority(
      @PathVariable String requestId, @Valid @RequestBody PriorityChange change, Authentication caller) {
    return intake.changePriority(Viewer.of(caller), requestId, change.priority(), change.reason());
  }

  @PostMapping("/{requestId}/cancellation")
  @Operation(summary = "Cancel a service request", description = "Stops the delivery and releases the resources.")
  @ApiResponse(responseCode = "200", description = "cancelled")
  @ApiResponse(responseCode = "400", description = "no reason given")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  @ApiResponse(responseCode = "409", description = "already closed, rejected or cancelled")
  ServiceRequestView cancel(
      @PathVariable String requestId, @Valid @RequestBody Cancellation cancellation, Authentication caller) {
    return intake.cancel(Viewer.of(caller), requestId, cancellation.reason());
  }

  @PostMapping("/{requestId}/feedback")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Rate a delivered request",
      description = "Once per request, after it was closed: a rating from 1 (very dissatisfied) to 5 (very satisfied).")
  @ApiResponse(responseCode = "201", description = "the rating as stored")
  @ApiResponse(responseCode = "400", description = "no rating, or a rating outside 1 to 5")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  @ApiResponse(
      responseCode = "409",
      description = "the request is not closed yet, was not delivered, or has been rated already")
  CustomerFeedback rate(
      @PathVariable String requestId, @Valid @RequestBody NewFeedback feedback, Authentication caller) {
    return ratings.rate(requestId, feedback, Viewer.of(caller));
  }

  @GetMapping("/{requestId}/record")
  @Operation(
      summary = "Read the service delivery record of a request",
      description =
          "For the staff: every step with who, when and how long (from the process history, including resource "
              + "allocation and quality control), the SLA results and pauses, reworks, effort, cost, billing status "
              + "and the customer's rating. Coordinators and managers read every record; the other staff the "
              + "records of the requests they work on, without the customer's e-mail address and the cost.")
  @ApiResponse(responseCode = "200", description = "the record")
  @ApiResponse(responseCode = "403", description = "only the service organisation's staff read records")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  DeliveryRecordView record(@PathVariable String requestId, Authentication caller) {
    return recordViews.find(requestId, Viewer.of(caller)).orElseThrow(() -> new RequestNotFoundException(requestId));
  }
}
