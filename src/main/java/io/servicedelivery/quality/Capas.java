package io.servicedelivery.quality;

import io.servicedelivery.quality.CapaProcess.Messages;
import io.servicedelivery.quality.CapaProcess.Variables;
import io.servicedelivery.records.DatabaseSequences;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CAPAs (corrective and preventive actions) and the requests they concern. At most one CAPA per service is open
 * at a time: a failed review that calls for a CAPA while one is open for the service is linked to it, since the
 * actions of that CAPA address the same deliveries; only when none is open does it start a {@code capa} process.
 */
@Service
public class Capas {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final DataFieldMaxValueIncrementer capaNumbers;
  private final Duration dueAfter;

  public Capas(
      JdbcClient jdbc,
      Clock clock,
      RuntimeService runtimeService,
      DataSource dataSource,
      @Value("${servicedelivery.quality.capa-due-after:P30D}") Duration dueAfter) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.capaNumbers = DatabaseSequences.of(dataSource, "capa_number");
    this.dueAfter = dueAfter;
  }

  /** @return the id of the open CAPA of the service the failed review was linked to, or of the one it opened */
  @Transactional
  public String request(CapaRequest request) {
    Optional<String> open = openFor(request.serviceCode());
    if (open.isPresent()) {
      link(open.get(), request.requestId(), request.reviewRound(), request.trigger());
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
    String id = String.format("CAPA-%06d", capaNumbers.nextLongValue());
    Instant now = clock.instant();
    Instant dueAt = now.plus(dueAfter);
    jdbc.sql(
            """
            insert into capa (id, title, service_code, problem, trigger_type, status, opened_by, opened_at, due_at,
              process_instance_id)
            values (?, ?, ?, ?, ?, 'ROOT_CAUSE_ANALYSIS', ?, ?, ?, ?)""")
        .params(
            id,
            capa.title(),
            blankToNull(capa.serviceCode()),
            capa.problem(),
            capa.trigger().name(),
            capa.openedBy(),
            Timestamp.from(now),
            Timestamp.from(dueAt),
            capa.processInstanceId())
        .update();
    if (blankToNull(capa.requestId()) != null) {
      link(id, capa.requestId(), capa.reviewRound(), capa.trigger());
    }
    return new OpenedCapa(id, dueAt, linkedRequests(id));
  }

  public void recordRootCause(String id, String category, String rootCause, String analysedBy) {
    jdbc.sql(
            """
            update capa set cause_category = ?, root_cause = ?, analysed_by = ?, analysed_at = ?,
              status = 'ACTION_PLANNING'
            where id = ?""")
        .params(category, rootCause, analysedBy, Timestamp.from(clock.instant()), id)
        .update();
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
    int revision =
        jdbc.sql("select coalesce(max(revision), 0) + 1 from capa_action_plan where capa_id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into capa_action_plan (capa_id, revision, actions, action_owner, due_at, planned_by, planned_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, revision, actions, owner, Timestamp.from(dueAt), plannedBy, Timestamp.from(clock.instant()))
        .update();
    status(id, "IMPLEMENTATION");
    return revision;
  }

  @Transactional
  public void recordImplementation(String id, int revision, String note, String implementedBy) {
    jdbc.sql(
            """
            update capa_action_plan set implementation_note = ?, implemented_by = ?, implemented_at = ?
            where capa_id = ? and revision = ?""")
        .params(note, implementedBy, Timestamp.from(clock.instant()), id, revision)
        .update();
    status(id, "EFFECTIVENESS_CHECK");
  }

  @Transactional
  public void recordVerification(String id, int revision, boolean effective, String note, String verifiedBy) {
    jdbc.sql(
            """
            update capa_action_plan set effective = ?, verification_note = ?, verified_by = ?, verified_at = ?
            where capa_id = ? and revision = ?""")
        .params(effective, note, verifiedBy, Timestamp.from(clock.instant()), id, revision)
        .update();
    if (!effective) {
      status(id, "ACTION_PLANNING");
    }
  }

  public void close(String id) {
    jdbc.sql("update capa set status = 'CLOSED', closed_at = ? where id = ?")
        .params(Timestamp.from(clock.instant()), id)
        .update();
  }

  /** Records that the actions (ACTIONS_OVERDUE) or the CAPA itself (CAPA_OVERDUE) passed the due date. */
  public void escalate(String id, String kind, Instant dueAt) {
    jdbc.sql("insert into capa_escalation (capa_id, kind, due_at, escalated_at) values (?, ?, ?, ?)")
        .params(id, kind, Timestamp.from(dueAt), Timestamp.from(clock.instant()))
        .update();
  }

  /** The requests linked to the CAPA, one a line such as "SR-000042, round 2: REPEATED_FAILURE", for the forms. */
  public String linkedRequests(String id) {
    return jdbc.sql(
            "select request_id, review_round, trigger_type from capa_request where capa_id = ? order by id")
        .param(id)
        .query(
            (rs, row) ->
                rs.getString(1)
                    + (rs.getObject(2) == null ? "" : ", round " + rs.getInt(2))
                    + ": " + rs.getString(3))
        .list()
        .stream()
        .collect(Collectors.joining("\n"));
  }

  /** The CAPAs a request is linked to. */
  public List<String> ofRequest(String requestId) {
    return jdbc.sql("select distinct capa_id from capa_request where request_id = ? order by capa_id")
        .param(requestId)
        .query(String.class)
        .list();
  }

  /** The CAPAs, newest first: all, only the open ones, or those linked to a request. */
  public List<CapaSummary> list(boolean openOnly, String requestId) {
    return jdbc.sql(
            """
            select id, title, service_code, trigger_type, status, opened_at, due_at from capa
            where (? = false or status <> 'CLOSED')
              and (cast(? as varchar(64)) is null
                or id in (select capa_id from capa_request where request_id = cast(? as varchar(64))))
            order by opened_at desc, id desc""")
        .params(openOnly, requestId, requestId)
        .query(
            (rs, row) ->
                new CapaSummary(
                    rs.getString("id"),
                    rs.getString("title"),
                    rs.getString("service_code"),
                    CapaTrigger.valueOf(rs.getString("trigger_type")),
                    rs.getString("status"),
                    instant(rs.getTimestamp("opened_at")),
                    instant(rs.getTimestamp("due_at"))))
        .list();
  }

  /** The CAPA, then its linked requests, plans and escalations: one query after the other, in one transaction. */
  @Transactional(readOnly = true)
  public CapaView get(String id) {
    record Capa(
        String title, String serviceCode, String problem, CapaTrigger trigger, String status, String openedBy,
        Instant openedAt, Instant dueAt, String causeCategory, String rootCause, Instant closedAt) {}
    Capa capa =
        jdbc.sql("select * from capa where id = ?")
            .param(id)
            .query(
                (rs, row) ->
                    new Capa(
                        rs.getString("title"),
                        rs.getString("service_code"),
                        rs.getString("problem"),
                        CapaTrigger.valueOf(rs.getString("trigger_type")),
                        rs.getString("status"),
                        rs.getString("opened_by"),
                        instant(rs.getTimestamp("opened_at")),
                        instant(rs.getTimestamp("due_at")),
                        rs.getString("cause_category"),
                        rs.getString("root_cause"),
                        instant(rs.getTimestamp("closed_at"))))
            .optional()
            .orElseThrow(() -> new UnknownCapaException(id));
    return new CapaView(
        id,
        capa.title(),
        capa.serviceCode(),
        capa.problem(),
        capa.trigger(),
        capa.status(),
        capa.openedBy(),
        capa.openedAt(),
        capa.dueAt(),
        capa.causeCategory(),
        capa.rootCause(),
        capa.closedAt(),
        requests(id),
        plans(id),
        escalations(id));
  }

  private List<CapaView.LinkedRequest> requests(String id) {
    return jdbc.sql("select * from capa_request where capa_id = ? order by id")
        .param(id)
        .query(
            (rs, row) ->
                new CapaView.LinkedRequest(
                    rs.getString("request_id"),
                    (Integer) rs.getObject("review_round", Integer.class),
                    CapaTrigger.valueOf(rs.getString("trigger_type")),
                    instant(rs.getTimestamp("linked_at"))))
        .list();
  }

  private List<CapaView.ActionPlan> plans(String id) {
    return jdbc.sql("select * from capa_action_plan where capa_id = ? order by revision")
        .param(id)
        .query(
            (rs, row) ->
                new CapaView.ActionPlan(
                    rs.getInt("revision"),
                    rs.getString("actions"),
                    rs.getString("action_owner"),
                    instant(rs.getTimestamp("due_at")),
                    rs.getString("implementation_note"),
                    instant(rs.getTimestamp("implemented_at")),
                    rs.getObject("effective", Boolean.class),
                    rs.getString("verification_note"),
                    instant(rs.getTimestamp("verified_at"))))
        .list();
  }

  private List<CapaView.Escalation> escalations(String id) {
    return jdbc.sql("select kind, due_at, escalated_at from capa_escalation where capa_id = ? order by id")
        .param(id)
        .query(
            (rs, row) ->
                new CapaView.Escalation(
                    rs.getString("kind"), instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("escalated_at"))))
        .list();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  public String status(String id) {
    return jdbc.sql("select status from capa where id = ?").param(id).query(String.class).single();
  }

  private Optional<String> openFor(String serviceCode) {
    if (blankToNull(serviceCode) == null) {
      return Optional.empty();
    }
    return jdbc.sql("select id from capa where service_code = ? and status <> 'CLOSED' order by opened_at")
        .param(serviceCode)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  private void link(String capaId, String requestId, Integer round, CapaTrigger trigger) {
    jdbc.sql(
            """
            insert into capa_request (capa_id, request_id, review_round, trigger_type, linked_at)
            values (?, ?, ?, ?, ?)""")
        .params(capaId, requestId, round, trigger.name(), Timestamp.from(clock.instant()))
        .update();
  }

  private void status(String id, String status) {
    jdbc.sql("update capa set status = ? where id = ?").params(status, id).update();
  }

  private static String title(CapaRequest request) {
    String why = request.trigger() == CapaTrigger.MAJOR_FINDING ? "Major finding" : "Repeated quality failure";
    return why + " on " + request.requestId() + " (" + request.serviceCode() + ")";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
