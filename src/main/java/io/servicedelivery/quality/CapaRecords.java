package io.servicedelivery.quality;

import io.servicedelivery.records.DatabaseSequences;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/** The CAPA tables (the CAPA, its linked requests, action plans and escalations) and the sequence of CAPA numbers. */
@Repository
class CapaRecords {

  private final JdbcClient jdbc;
  private final DataFieldMaxValueIncrementer capaNumbers;

  CapaRecords(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.capaNumbers = DatabaseSequences.of(dataSource, "capa_number");
  }

  /** @return a new CAPA id such as {@code CAPA-000042} */
  String nextId() {
    return String.format("CAPA-%06d", capaNumbers.nextLongValue());
  }

  /** Inserts the CAPA at its first step, root cause analysis. */
  void insert(String id, NewCapa capa, Instant openedAt, Instant dueAt) {
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
            Timestamp.from(openedAt),
            Timestamp.from(dueAt),
            capa.processInstanceId())
        .update();
  }

  void link(String capaId, String requestId, Integer round, CapaTrigger trigger, Instant linkedAt) {
    jdbc.sql(
            """
            insert into capa_request (capa_id, request_id, review_round, trigger_type, linked_at)
            values (?, ?, ?, ?, ?)""")
        .params(capaId, requestId, round, trigger.name(), Timestamp.from(linkedAt))
        .update();
  }

  /** @return the open CAPA of the service opened first, if there is one */
  Optional<String> openFor(String serviceCode) {
    return jdbc.sql("select id from capa where service_code = ? and status <> 'CLOSED' order by opened_at")
        .param(serviceCode)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /** Records the root cause; the CAPA goes on to action planning. */
  void recordRootCause(String id, String category, String rootCause, String analysedBy, Instant analysedAt) {
    jdbc.sql(
            """
            update capa set cause_category = ?, root_cause = ?, analysed_by = ?, analysed_at = ?,
              status = 'ACTION_PLANNING'
            where id = ?""")
        .params(category, rootCause, analysedBy, Timestamp.from(analysedAt), id)
        .update();
  }

  /** @return the revision a new action plan of the CAPA gets: 1 for the first */
  int nextPlanRevision(String id) {
    return jdbc.sql("select coalesce(max(revision), 0) + 1 from capa_action_plan where capa_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  void insertPlan(
      String id, int revision, String actions, String owner, Instant dueAt, String plannedBy, Instant plannedAt) {
    jdbc.sql(
            """
            insert into capa_action_plan (capa_id, revision, actions, action_owner, due_at, planned_by, planned_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, revision, actions, owner, Timestamp.from(dueAt), plannedBy, Timestamp.from(plannedAt))
        .update();
  }

  void recordImplementation(String id, int revision, String note, String implementedBy, Instant implementedAt) {
    jdbc.sql(
            """
            update capa_action_plan set implementation_note = ?, implemented_by = ?, implemented_at = ?
            where capa_id = ? and revision = ?""")
        .params(note, implementedBy, Timestamp.from(implementedAt), id, revision)
        .update();
  }

  void recordVerification(
      String id, int revision, boolean effective, String note, String verifiedBy, Instant verifiedAt) {
    jdbc.sql(
            """
            update capa_action_plan set effective = ?, verification_note = ?, verified_by = ?, verified_at = ?
            where capa_id = ? and revision = ?""")
        .params(effective, note, verifiedBy, Timestamp.from(verifiedAt), id, revision)
        .update();
  }

  void close(String id, Instant closedAt) {
    jdbc.sql("update capa set status = 'CLOSED', closed_at = ? where id = ?")
        .params(Timestamp.from(closedAt), id)
        .update();
  }

  void escalate(String id, String kind, Instant dueAt, Instant escalatedAt) {
    jdbc.sql("insert into capa_escalation (capa_id, kind, due_at, escalated_at) values (?, ?, ?, ?)")
        .params(id, kind, Timestamp.from(dueAt), Timestamp.from(escalatedAt))
        .update();
  }

  /**
   * The requests linked to the CAPA, one a line: with the trigger's code ("SR-000042, round 2: REPEATED_FAILURE"), or
   * in words ("SR-000042, review round 2: a repeated quality failure").
   */
  String linkedRequests(String id, boolean inWords) {
    return jdbc.sql(
            "select request_id, review_round, trigger_type from capa_request where capa_id = ? order by id")
        .param(id)
        .query(
            (rs, row) -> {
              String trigger = rs.getString(3);
              return rs.getString(1)
                  + (rs.getObject(2) == null ? "" : (inWords ? ", review round " : ", round ") + rs.getInt(2))
                  + ": " + (inWords ? CapaTrigger.valueOf(trigger).label() : trigger);
            })
        .list()
        .stream()
        .collect(Collectors.joining("\n"));
  }

  List<String> ofRequest(String requestId) {
    return jdbc.sql("select distinct capa_id from capa_request where request_id = ? order by capa_id")
        .param(requestId)
        .query(String.class)
        .list();
  }

  List<CapaSummary> list(boolean openOnly, String requestId) {
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

  /** The CAPA, then its linked requests, plans and escalations: one query after the other. */
  Optional<CapaView> find(String id) {
    record Capa(
        String title, String serviceCode, String problem, CapaTrigger trigger, String status, String openedBy,
        Instant openedAt, Instant dueAt, String causeCategory, String rootCause, Instant closedAt) {}
    return jdbc.sql("select * from capa where id = ?")
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
        .map(
            capa ->
                new CapaView(
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
                    escalations(id)));
  }

  String status(String id) {
    return jdbc.sql("select status from capa where id = ?").param(id).query(String.class).single();
  }

  void status(String id, String status) {
    jdbc.sql("update capa set status = ? where id = ?").params(status, id).update();
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

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
