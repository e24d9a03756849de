package io.servicedelivery.quality;

import static io.servicedelivery.quality.CapaRecords.blankToNull;

import io.servicedelivery.quality.CapaProcess.Messages;
import io.servicedelivery.quality.CapaProcess.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CAPAs (corrective and preventive actions) and the requests they concern. At most one CAPA per service is open
 * at a time: a failed review that calls for a CAPA while one is open for the service is linked to it, since the
 * actions of that CAPA address the same deliveries; only when none is open does it start a {@code capa} process.
 * The CAPA's steps move it on from status to status; {@link CapaRecords} keeps them.
 */
@Service
public class Capas {

  private final CapaRecords capas;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final Duration dueAfter;

  Capas(
      CapaRecords capas,
      Clock clock,
      RuntimeService runtimeService,
      @Value("${servicedelivery.quality.capa-due-after:P30D}") Duration dueAfter) {
    this.capas = capas;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.dueAfter = dueAfter;
  }

  /** @return the id of the open CAPA of the service the failed review was linked to, or of the one it opened */
  @Transactional
  public String request(CapaRequest request) {
    Optional<String> open = openFor(request.serviceCode());
    if (open.isPresent()) {
      capas.link(open.get(), request.requestId(), request.reviewRound(), request.trigger(), clock.instant());
      return open.get();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.CAPA_TITLE, title(request));
    variables.put(Variables.CAPA_PROBLEM, request.findings());
    variables.put(Variables.CAPA_SERVICE_CODE, request.serviceCode());
    variables.put(Variables.CAPA_REQUEST_ID, request.requestId());
    variables.put(Variables.CAPA_REVIEW_ROUND, request.reviewRound());
    variables.put(Variables.CAPA_TRIGGER, request.trigger().name());
    variables.put(Variables.CAPA_OPENED_BY, request.requestedBy());
    ProcessInstance capa = runtimeService.startProcessInstanceByMessage(Messages.CAPA_REQUESTED, variables);
    return (String) runtimeService.getVariable(capa.getId(), Variables.CAPA_ID);
  }

  @Transactional
  public OpenedCapa open(NewCapa capa) {
    String id = capas.nextId();
    Instant now = clock.instant();
    Instant dueAt = now.plus(dueAfter);
    capas.insert(id, capa, now, dueAt);
    if (blankToNull(capa.requestId()) != null) {
      capas.link(id, capa.requestId(), capa.reviewRound(), capa.trigger(), clock.instant());
    }
    return new OpenedCapa(id, dueAt, linkedRequests(id));
  }

  public void recordRootCause(String id, String category, String rootCause, String analysedBy) {
    capas.recordRootCause(id, category, rootCause, analysedBy, clock.instant());
  }

  /**
   * @return the revision of the new plan: 1 for the first, 2 after the first plan was found not effective, ...
   * @throws IllegalArgumentException if the actions are not due in the future
   */
  @Transactional
  public int recordPlan(String id, String actions, String owner, Instant dueAt, String plannedBy) {
    if (dueAt == null || !dueAt.isAfter(clock.instant())) {
      throw new IllegalArgumentException("The actions of CAPA " + id + " need a due date in the future.");
    }
    int revision = capas.nextPlanRevision(id);
    capas.insertPlan(id, revision, actions, owner, dueAt, plannedBy, clock.instant());
    capas.status(id, "IMPLEMENTATION");
    return revision;
  }

  @Transactional
  public void recordImplementation(String id, int revision, String note, String implementedBy) {
    capas.recordImplementation(id, revision, note, implementedBy, clock.instant());
    capas.status(id, "EFFECTIVENESS_CHECK");
  }

  @Transactional
  public void recordVerification(String id, int revision, boolean effective, String note, String verifiedBy) {
    capas.recordVerification(id, revision, effective, note, verifiedBy, clock.instant());
    if (!effective) {
      capas.status(id, "ACTION_PLANNING");
    }
  }

  public void close(String id) {
    capas.close(id, clock.instant());
  }

  /** Records that the actions (ACTIONS_OVERDUE) or the CAPA itself (CAPA_OVERDUE) passed the due date. */
  public void escalate(String id, String kind, Instant dueAt) {
    capas.escalate(id, kind, dueAt, clock.instant());
  }

  /** The requests linked to the CAPA, one a line such as "SR-000042, round 2: REPEATED_FAILURE", for the forms. */
  public String linkedRequests(String id) {
    return capas.linkedRequests(id, false);
  }

  /** The requests linked to the CAPA, one a line such as "SR-000042, review round 2: a repeated quality failure". */
  public String linkedRequestsInWords(String id) {
    return capas.linkedRequests(id, true);
  }

  /** The CAPAs a request is linked to. */
  public List<String> ofRequest(String requestId) {
    return capas.ofRequest(requestId);
  }

  /** The CAPAs, newest first: all, only the open ones, or those linked to a request. */
  public List<CapaSummary> list(boolean openOnly, String requestId) {
    return capas.list(openOnly, requestId);
  }

  /** The CAPA, then its linked requests, plans and escalations: one query after the other, in one transaction. */
  @Transactional(readOnly = true)
  public CapaView get(String id) {
    return capas.find(id).orElseThrow(() -> new UnknownCapaException(id));
  }

  public String status(String id) {
    return capas.status(id);
  }

  private Optional<String> openFor(String serviceCode) {
    if (blankToNull(serviceCode) == null) {
      return Optional.empty();
    }
    return capas.openFor(serviceCode);
  }

  private static String title(CapaRequest request) {
    String why = request.trigger() == CapaTrigger.MAJOR_FINDING ? "Major finding" : "Repeated quality failure";
    String service = request.serviceName() == null ? request.serviceCode() : request.serviceName();
    return why + " on " + request.requestId() + " (" + service + ")";
  }
}
