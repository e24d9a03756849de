package io.servicedelivery.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The milestones of the requests of a period [from, to), and the passes of their deliveries through chosen activities
 * (from the engine's activity history, their own process instance and the ones it called): a read model for the
 * what-if simulation, one statement each, standard SQL (H2 and PostgreSQL). Only requests with a service and a
 * priority (past validation) are in it.
 */
@Repository
public class RequestMilestones {

  /** A request received in the period. */
  public record Received(Instant receivedAt, String serviceCode, String priority) {}

  /** A request delivered (closed as CLOSED) in the period; planned, planned completion and resolved may be null. */
  public record Delivered(
      String requestId,
      String serviceCode,
      String priority,
      Instant receivedAt,
      Instant plannedAt,
      Instant plannedCompletionAt,
      Instant resolvedAt,
      Instant closedAt) {}

  /** A pass of a request's delivery through an activity that ended in the period; assignee for user tasks. */
  public record ActivityPass(
      String activityId, String serviceCode, String priority, Instant startedAt, Instant endedAt, String assignee) {}

  private final JdbcClient jdbc;

  public RequestMilestones(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Received> received(Instant from, Instant to) {
    return jdbc.sql(
            """
            select r.received_at, r.service_code, r.priority from service_delivery_record r
            where r.received_at >= :from and r.received_at < :to
              and r.service_code is not null and r.priority is not null""")
        .params(period(from, to))
        .query((rs, row) -> new Received(instant(rs, "received_at"), rs.getString("service_code"),
            rs.getString("priority")))
        .list();
  }

  public List<Delivered> delivered(Instant from, Instant to) {
    return jdbc.sql(
            """
            select r.request_id, r.service_code, r.priority, r.received_at, r.planned_at, r.planned_completion_at,
              r.resolved_at, r.closed_at
            from service_delivery_record r
            where r.outcome = 'CLOSED' and r.closed_at >= :from and r.closed_at < :to
              and r.service_code is not null and r.priority is not null""")
        .params(period(from, to))
        .query((rs, row) ->
            new Delivered(
                rs.getString("request_id"),
                rs.getString("service_code"),
                rs.getString("priority"),
                instant(rs, "received_at"),
                instant(rs, "planned_at"),
                instant(rs, "planned_completion_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at")))
        .list();
  }

  /** @param activityIds BPMN element ids of the request's process or of a process it called */
  public List<ActivityPass> passes(Instant from, Instant to, Collection<String> activityIds) {
    if (activityIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select a.ACT_ID_ as activity_id, a.START_TIME_ as started_at, a.END_TIME_ as ended_at,
              a.ASSIGNEE_ as assignee, r.service_code, r.priority
            from ACT_HI_ACTINST a join service_delivery_record r on r.process_instance_id = a.ROOT_PROC_INST_ID_
            where a.ACT_ID_ in (:activities) and a.END_TIME_ >= :from and a.END_TIME_ < :to
              and r.service_code is not null and r.priority is not null""")
        .params(period(from, to))
        .param("activities", List.copyOf(activityIds))
        .query((rs, row) ->
            new ActivityPass(
                rs.getString("activity_id"),
                rs.getString("service_code"),
                rs.getString("priority"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                rs.getString("assignee")))
        .list();
  }

  private static Map<String, Object> period(Instant from, Instant to) {
    return Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
