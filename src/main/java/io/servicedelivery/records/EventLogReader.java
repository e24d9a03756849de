package io.servicedelivery.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the event log a page of traces at a time, in the order of the requests' arrival (keyset paging on the
 * received time and the request id, so a page costs the same wherever it is in the period). A page is four short
 * statements in one read-only transaction, so one connection, held while they run and never while the page is
 * written: the records of the page's requests (with their service's name at the catalog version they were bound to),
 * then, for all the page's requests at once, the steps of their process instances and of the instances they called
 * ({@code ACT_HI_ACTINST} by {@code ROOT_PROC_INST_ID_}), who completed their user tasks ({@code ACT_HI_OP_LOG}) and
 * the tasks' candidate groups ({@code ACT_HI_IDENTITYLINK}). The engine writes these at history level {@code full};
 * the statements are standard SQL on the engine's indexed columns, for H2 and PostgreSQL alike.
 *
 * <p>Which steps are events: the tasks of every kind ({@code userTask}, {@code serviceTask}, {@code sendTask},
 * {@code receiveTask}, {@code businessRuleTask}, ...), the intermediate catch events (waiting for a message or a
 * time) and the event-based gateways (where a request waits for the first of several events: "Customer confirms?"
 * waits for the confirmation, the objection or the end of the confirmation period) have a start and a completion (or
 * an abort when they were interrupted); boundary events (an SLA warning, "No answer in time") and the start events of
 * event sub-processes (a cancellation, an absence) happen at a moment and have a completion only. Other gateways,
 * plain start and end events, throw events, sub-processes and call activities are not events: they only connect the
 * steps, or their steps are in the log themselves.
 */
@Service
public class EventLogReader {

  /** the activity types (as the engine's history names them) that take time: a start and an end */
  private static final Set<String> STEPS_WITH_DURATION =
      Set.of(
          "task", "userTask", "serviceTask", "sendTask", "receiveTask", "businessRuleTask", "scriptTask",
          "manualTask", "intermediateMessageCatch", "intermediateTimer", "intermediateSignalCatch",
          "intermediateConditional", "eventBasedGateway");

  /** events that happen at a moment: boundary events */
  private static final Set<String> BOUNDARY_EVENTS =
      Set.of(
          "boundaryTimer", "boundaryMessage", "boundaryError", "boundaryEscalation", "boundarySignal",
          "boundaryConditional", "boundaryCompensation");

  /** start events with a trigger: at a moment too, when they start an event sub-process */
  private static final Set<String> TRIGGERED_STARTS =
      Set.of(
          "messageStartEvent", "startTimerEvent", "errorStartEvent", "escalationStartEvent", "signalStartEvent",
          "conditionalStartEvent", "compensationStartEvent");

  /** ACT_INST_STATE_ of an activity instance that was interrupted (a boundary event, a cancellation) */
  private static final int CANCELED = 2;

  private final JdbcClient jdbc;

  public EventLogReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param after the last trace of the previous page, null for the first page
   * @return up to {@code size} traces after {@code after}, each with its events
   */
  @Transactional(readOnly = true)
  public List<EventLogTrace> page(EventLogFilter filter, EventLogTrace after, int size) {
    List<EventLogTrace> traces = traces(filter, after, size);
    if (traces.isEmpty()) {
      return traces;
    }
    List<String> roots = traces.stream().map(EventLogTrace::processInstanceId).toList();
    Map<String, List<Step>> stepsByRoot = new HashMap<>();
    jdbc.sql(
            """
            select ID_, PARENT_ACT_INST_ID_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_, PROC_INST_ID_, ACT_ID_, TASK_ID_,
              CALL_PROC_INST_ID_, ACT_NAME_, ACT_TYPE_, ASSIGNEE_, START_TIME_, END_TIME_, ACT_INST_STATE_
            from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ in (:roots)
            order by START_TIME_, SEQUENCE_COUNTER_, ID_""")
        .param("roots", roots)
        .query(EventLogReader::step)
        .list()
        .forEach(step -> stepsByRoot.computeIfAbsent(step.root(), root -> new ArrayList<>()).add(step));
    Map<String, String> completers = new HashMap<>();
    jdbc.sql(
            """
            select TASK_ID_, USER_ID_ from ACT_HI_OP_LOG
            where ROOT_PROC_INST_ID_ in (:roots) and OPERATION_TYPE_ = 'Complete' and ENTITY_TYPE_ = 'Task'
              and TASK_ID_ is not null and USER_ID_ is not null
            order by TIMESTAMP_""")
        .param("roots", roots)
        .query((rs, row) -> Map.entry(rs.getString("TASK_ID_"), rs.getString("USER_ID_")))
        .list()
        .forEach(entry -> completers.putIfAbsent(entry.getKey(), entry.getValue()));
    Map<String, Set<String>> groups = new HashMap<>();
    jdbc.sql(
            """
            select TASK_ID_, GROUP_ID_ from ACT_HI_IDENTITYLINK
            where ROOT_PROC_INST_ID_ in (:roots) and TYPE_ = 'candidate' and OPERATION_TYPE_ = 'add'
              and TASK_ID_ is not null and GROUP_ID_ is not null""")
        .param("roots", roots)
        .query((rs, row) -> Map.entry(rs.getString("TASK_ID_"), rs.getString("GROUP_ID_")))
        .list()
        .forEach(entry -> groups.computeIfAbsent(entry.getKey(), task -> new TreeSet<>()).add(entry.getValue()));
    return traces.stream()
        .map(trace -> trace.withEvents(
            events(trace.processInstanceId(), stepsByRoot.getOrDefault(trace.processInstanceId(), List.of()),
                completers, groups)))
        .toList();
  }

  private List<EventLogTrace> traces(EventLogFilter filter, EventLogTrace after, int size) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder sql =
        new StringBuilder(
            """
            select r.request_id, r.process_instance_id, r.received_at, r.service_code, v.name as service_name,
              r.request_type, r.priority, r.customer_id, r.channel, r.outcome, r.closed_by, r.closed_at,
              r.response_met, r.resolution_met, r.sla_breached_at, r.rework_count, r.reopen_count, r.cost, r.currency
            from service_delivery_record r
            left join catalog_service_version v on v.service_code = r.service_code and v.version = r.catalog_version
            where r.received_at >= :from and r.received_at < :to""");
    params.put("from", Timestamp.from(filter.from()));
    params.put("to", Timestamp.from(filter.to()));
    if (filter.serviceCode() != null) {
      sql.append(" and r.service_code = :serviceCode");
      params.put("serviceCode", filter.serviceCode());
    }
    if (after != null) {
      sql.append(
          " and (r.received_at > :afterAt or (r.received_at = :afterAt and r.request_id > :afterId))");
      params.put("afterAt", Timestamp.from(after.receivedAt()));
      params.put("afterId", after.requestId());
    }
    sql.append(" order by r.received_at, r.request_id fetch first :size rows only");
    params.put("size", size);
    return jdbc.sql(sql.toString()).params(params).query(EventLogReader::trace).list();
  }

  private static EventLogTrace trace(ResultSet rs, int row) throws SQLException {
    RequestOutcome outcome = RequestOutcome.valueOf(rs.getString("outcome"));
    Boolean resolutionMet = bool(rs, "resolution_met");
    Instant breachedAt = ServiceDeliveryRecords.instant(rs, "sla_breached_at");
    return new EventLogTrace(
        rs.getString("request_id"),
        rs.getString("process_instance_id"),
        ServiceDeliveryRecords.instant(rs, "received_at"),
        rs.getString("service_code"),
        rs.getString("service_name"),
        rs.getString("request_type"),
        rs.getString("priority"),
        rs.getString("customer_id"),
        rs.getString("channel"),
        outcome,
        rs.getString("closed_by") == null ? null : ClosedBy.valueOf(rs.getString("closed_by")),
        ServiceDeliveryRecords.instant(rs, "closed_at"),
        EventLogTrace.slaOutcomeOf(outcome, resolutionMet, breachedAt),
        bool(rs, "response_met"),
        rs.getInt("rework_count"),
        rs.getInt("reopen_count"),
        rs.getBigDecimal("cost"),
        rs.getString("currency"),
        List.of());
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  /** One row of ACT_HI_ACTINST. */
  private record Step(
      String id,
      String parent,
      String process,
      String root,
      String processInstance,
      String activityId,
      String taskId,
      String calledInstance,
      String name,
      String type,
      String assignee,
      Instant startedAt,
      Instant endedAt,
      boolean canceled) {

    boolean isEvent() {
      return STEPS_WITH_DURATION.contains(type) || isMoment();
    }

    /** a boundary event, or the start of an event sub-process (not of the process: its parent is another scope) */
    boolean isMoment() {
      return BOUNDARY_EVENTS.contains(type) || (TRIGGERED_STARTS.contains(type) && !processInstance.equals(parent));
    }
  }

  private static Step step(ResultSet rs, int row) throws SQLException {
    return new Step(
        rs.getString("ID_"),
        rs.getString("PARENT_ACT_INST_ID_"),
        rs.getString("PROC_DEF_KEY_"),
        rs.getString("ROOT_PROC_INST_ID_"),
        rs.getString("PROC_INST_ID_"),
        rs.getString("ACT_ID_"),
        rs.getString("TASK_ID_"),
        rs.getString("CALL_PROC_INST_ID_"),
        rs.getString("ACT_NAME_"),
        rs.getString("ACT_TYPE_"),
        rs.getString("ASSIGNEE_"),
        ServiceDeliveryRecords.instant(rs, "START_TIME_"),
        ServiceDeliveryRecords.instant(rs, "END_TIME_"),
        rs.getInt("ACT_INST_STATE_") == CANCELED);
  }

  /**
   * The events of one request, in the order they happened. The steps of the request's instance come in the order they
   * started, each called instance's steps right after the call activity that started it, so that steps of the same
   * moment keep the order in which the engine ran them; then a step's start stands at its start time and its end at
   * its end time, and events of the same moment stay in that order, an end before the starts of the steps after it.
   */
  private static List<EventLogEvent> events(
      String rootInstance, List<Step> steps, Map<String, String> completers, Map<String, Set<String>> groups) {
    Map<String, List<Step>> byInstance = new LinkedHashMap<>();
    steps.forEach(step -> byInstance.computeIfAbsent(step.processInstance(), id -> new ArrayList<>()).add(step));
    List<Step> ordered = new ArrayList<>(steps.size());
    Set<String> visited = new HashSet<>();
    visit(rootInstance, byInstance, visited, ordered);
    for (String instance : byInstance.keySet()) {
      // an instance the history does not link to a caller still belongs to the request
      visit(instance, byInstance, visited, ordered);
    }
    ordered.sort(Comparator.comparing(Step::startedAt)); // stable: ties keep the order of the visit

    record Timed(EventLogEvent event, long order) {}
    List<Timed> timed = new ArrayList<>();
    Map<String, Integer> passes = new HashMap<>();
    long index = 0;
    for (Step step : ordered) {
      if (!step.isEvent()) {
        continue;
      }
      index++;
      int pass = passes.merge(step.process() + " " + step.activityId(), 1, Integer::sum);
      boolean userTask = "userTask".equals(step.type());
      String group = userTask && step.taskId() != null && groups.containsKey(step.taskId())
          ? String.join(",", groups.get(step.taskId()))
          : null;
      String starter = userTask ? step.assignee() : EventLogEvent.SYSTEM;
      String finisher =
          userTask ? completers.getOrDefault(step.taskId(), step.assignee()) : EventLogEvent.SYSTEM;
      if (!step.isMoment()) {
        timed.add(new Timed(event(step, EventLogEvent.START, step.startedAt(), starter, group, pass), 2 * index));
      }
      if (step.endedAt() != null) {
        // the engine ends an event-based gateway by cancelling it when one of its events comes: its wait is over
        boolean aborted = step.canceled() && !step.isMoment() && !"eventBasedGateway".equals(step.type());
        String transition = aborted ? EventLogEvent.ABORT : EventLogEvent.COMPLETE;
        String resource = transition.equals(EventLogEvent.ABORT) ? starter : finisher;
        timed.add(new Timed(event(step, transition, step.endedAt(), resource, group, pass), 2 * index + 1));
      }
    }
    timed.sort(Comparator.comparing((Timed t) -> t.event().timestamp()).thenComparingLong(Timed::order));
    return timed.stream().map(Timed::event).toList();
  }

  private static void visit(
      String instance, Map<String, List<Step>> byInstance, Set<String> visited, List<Step> ordered) {
    if (!visited.add(instance)) {
      return;
    }
    for (Step step : byInstance.getOrDefault(instance, List.of())) {
      ordered.add(step);
      if (step.calledInstance() != null) {
        visit(step.calledInstance(), byInstance, visited, ordered);
      }
    }
  }

  private static EventLogEvent event(
      Step step, String transition, Instant at, String resource, String group, int pass) {
    return new EventLogEvent(
        step.name() == null ? step.activityId() : step.name(),
        step.activityId(),
        step.type(),
        transition,
        at,
        resource,
        group,
        step.id(),
        step.process(),
        pass);
  }
}
