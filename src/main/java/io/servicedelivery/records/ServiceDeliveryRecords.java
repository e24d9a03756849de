package io.servicedelivery.records;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the service delivery record of every request: opened when the request arrives, completed with effort
 * and cost, flagged on an SLA breach, and closed with its outcome and SLA results.
 */
@Service
public class ServiceDeliveryRecords {

  private final JdbcClient jdbc;
  private final DataFieldMaxValueIncrementer requestNumbers;
  private final Clock clock;

  public ServiceDeliveryRecords(JdbcClient jdbc, DataFieldMaxValueIncrementer requestNumbers, Clock clock) {
    this.jdbc = jdbc;
    this.requestNumbers = requestNumbers;
    this.clock = clock;
  }

  /** @return a new request id such as {@code SR-000042} */
  public String nextRequestId() {
    return String.format("SR-%06d", requestNumbers.nextLongValue());
  }

  /** Opens the record with the request as it arrived; what does not fit the columns is cut, not refused. */
  public void open(ReceivedRequest request) {
    jdbc.sql(
            """
            insert into service_delivery_record (
              request_id, process_instance_id, channel, received_at, service_code, request_type, priority, title,
              requester_name, requester_email, customer_id, outcome)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
        .param(request.requestId())
        .param(request.processInstanceId())
        .param(truncate(request.channel(), 20))
        .param(Timestamp.from(request.receivedAt()))
        .param(truncate(request.serviceCode(), 40))
        .param(truncate(request.requestType(), 40))
        .param(truncate(request.priority(), 10))
        .param(truncate(request.title(), 200))
        .param(truncate(request.requesterName(), 120))
        .param(truncate(request.requesterEmail(), 254))
        .param(truncate(request.customerId(), 64))
        .update();
  }

  /** Records the priority a validated request got and the SLA due dates it is bound to. */
  public void bindSla(String requestId, String priority, Instant responseDueAt, Instant resolutionDueAt) {
    jdbc.sql(
            """
            update service_delivery_record set priority = ?, response_due_at = ?, resolution_due_at = ?
            where request_id = ?""")
        .param(priority)
        .param(Timestamp.from(responseDueAt))
        .param(Timestamp.from(resolutionDueAt))
        .param(requestId)
        .update();
  }

  /**
   * Records the catalog version a validated request is bound to and the price it agreed to: the delivery is billed
   * at this rate, whatever a process variable says later.
   */
  public void bindTerms(String requestId, int catalogVersion, BigDecimal costRatePerHour, String currency) {
    jdbc.sql(
            """
            update service_delivery_record set catalog_version = ?, cost_rate_per_hour = ?, currency = ?
            where request_id = ?""")
        .param(catalogVersion)
        .param(costRatePerHour)
        .param(currency)
        .param(requestId)
        .update();
  }

  /** The resolution due date moved, by a pause or a priority change. */
  public void moveResolutionDue(String requestId, Instant resolutionDueAt) {
    jdbc.sql("update service_delivery_record set resolution_due_at = ? where request_id = ?")
        .param(Timestamp.from(resolutionDueAt))
        .param(requestId)
        .update();
  }

  /** Adds an event to the customer's timeline, unless it repeats the latest one (a rework is still "in progress"). */
  public void recordCustomerEvent(String requestId, CustomerEvent event) {
    List<TimelineEntry> timeline = timelineOf(requestId);
    if (!timeline.isEmpty() && timeline.get(timeline.size() - 1).event() == event) {
      return;
    }
    jdbc.sql("insert into customer_event (request_id, event, occurred_at) values (?, ?, ?)")
        .param(requestId)
        .param(event.name())
        .param(Timestamp.from(clock.instant()))
        .update();
    jdbc.sql("update service_delivery_record set customer_status = ? where request_id = ?")
        .param(event.name())
        .param(requestId)
        .update();
  }

  /** The resolution clock stands still from now on, for the reason given. */
  public void startPause(String requestId, String reason) {
    jdbc.sql("insert into sla_pause (request_id, reason, started_at) values (?, ?, ?)")
        .param(requestId)
        .param(truncate(reason == null || reason.isBlank() ? "Waiting for the customer" : reason, 2000))
        .param(Timestamp.from(clock.instant()))
        .update();
  }

  /** @return when the open pause of the request started, if it has one */
  public Optional<Instant> openPauseSince(String requestId) {
    return jdbc.sql("select started_at from sla_pause where request_id = ? and ended_at is null")
        .param(requestId)
        .query((rs, row) -> instant(rs, "started_at"))
        .optional();
  }

  /** Ends the open pause now; it took {@code paused} of business time. */
  public void endPause(String requestId, Duration paused) {
    jdbc.sql("update sla_pause set ended_at = ?, paused_minutes = ? where request_id = ? and ended_at is null")
        .param(Timestamp.from(clock.instant()))
        .param((int) paused.toMinutes())
        .param(requestId)
        .update();
  }

  public List<SlaPauseEntry> pausesOf(String requestId) {
    return jdbc.sql("select * from sla_pause where request_id = ? order by id")
        .param(requestId)
        .query(
            (rs, row) ->
                new SlaPauseEntry(
                    rs.getString("reason"),
                    instant(rs, "started_at"),
                    instant(rs, "ended_at"),
                    rs.getObject("paused_minutes", Integer.class)))
        .list();
  }

  /** @return the pauses of each of the requests taken together; requests never paused are missing */
  public Map<String, SlaPauseTotal> pauseTotals(Collection<String> requestIds) {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    Map<String, SlaPauseTotal> totals = new HashMap<>();
    jdbc.sql(
            """
            select request_id, coalesce(sum(paused_minutes), 0) as paused_minutes,
                   sum(case when ended_at is null then 1 else 0 end) as open_pauses
            from sla_pause where request_id in (:ids) group by request_id""")
        .param("ids", requestIds)
        .query(
            rs -> {
              totals.put(
                  rs.getString("request_id"),
                  new SlaPauseTotal(
                      Duration.ofMinutes(rs.getLong("paused_minutes")), rs.getInt("open_pauses") > 0));
            });
    return totals;
  }

  public List<TimelineEntry> timelineOf(String requestId) {
    return jdbc.sql("select event, occurred_at from customer_event where request_id = ? order by id")
        .param(requestId)
        .query(
            (rs, row) ->
                new TimelineEntry(CustomerEvent.valueOf(rs.getString("event")), instant(rs, "occurred_at")))
        .list();
  }

  /** A page of all records matching the filter, newest first, as the application itself sees them. */
  public RecordPage page(RecordFilter filter, int page, int size) {
    return page(filter, Viewer.SYSTEM, page, size);
  }

  /**
   * A page of the records matching the filter that the viewer may see ({@link Viewer}), newest first; the count and
   * the page in one read-only transaction.
   */
  @Transactional(readOnly = true)
  public RecordPage page(RecordFilter filter, Viewer viewer, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(" d where ").append(RequestScope.condition(viewer, params));
    if (filter.status() != null) {
      where.append(" and d.customer_status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.serviceCode() != null) {
      where.append(" and d.service_code = :serviceCode");
      params.put("serviceCode", filter.serviceCode());
    }
    if (filter.customerId() != null) {
      where.append(" and d.customer_id = :customerId");
      params.put("customerId", filter.customerId());
    }
    long total =
        jdbc.sql("select count(*) from service_delivery_record" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("offset", (long) page * size);
    params.put("size", size);
    List<ServiceDeliveryRecord> records =
        jdbc.sql(
                "select d.* from service_delivery_record" + where
                    + " order by d.received_at desc, d.request_id desc offset :offset rows fetch next :size rows only")
            .params(params)
            .query(ServiceDeliveryRecords::map)
            .list();
    return new RecordPage(records, page, size, total);
  }

  /**
   * Records the effort spent and what the delivery costs; a rework records it again with the effort in total.
   *
   * @return the cost
   */
  public BigDecimal recordCompletion(String requestId, DeliveryCost cost) {
    BigDecimal total = cost.total();
    jdbc.sql(
            """
            update service_delivery_record set
              completed_at = ?, effort_hours = ?, cost_rate_per_hour = ?, materials_cost = ?, currency = ?, cost = ?
            where request_id = ?""")
        .param(Timestamp.from(clock.instant()))
        .param(cost.effortHours())
        .param(cost.ratePerHour())
        .param(cost.materials())
        .param(cost.currency())
        .param(total)
        .param(requestId)
        .update();
    return total;
  }

  public void flagBreach(String requestId) {
    jdbc.sql("update service_delivery_record set sla_breached_at = ? where request_id = ? and sla_breached_at is null")
        .param(Timestamp.from(clock.instant()))
        .param(requestId)
        .update();
  }

  /** Closes the record with its outcome; the SLA results are judged against the due dates the request was bound to. */
  public void close(RecordClosure closure) {
    Instant closedAt = clock.instant();
    // a request closed while waiting for the customer (abandoned, cancelled) ends its pause there
    jdbc.sql("update sla_pause set ended_at = ? where request_id = ? and ended_at is null")
        .param(Timestamp.from(closedAt))
        .param(closure.requestId())
        .update();
    ServiceDeliveryRecord current = get(closure.requestId());
    // what the record holds since the request arrived or was validated stays: the requester and customer, the service,
    // the catalog version, the priority and the due dates (kept here by bindSla and moveResolutionDue). The closure's
    // values, read from process variables, only fill what the record never got.
    Instant responseDueAt = firstNonNull(current.responseDueAt(), closure.responseDueAt());
    Instant resolutionDueAt = firstNonNull(current.resolutionDueAt(), closure.resolutionDueAt());
    boolean delivered = closure.outcome() == RequestOutcome.CLOSED;
    Boolean responseMet = judge(closure.plannedAt(), responseDueAt);
    Boolean resolutionMet =
        delivered ? current.slaBreachedAt() == null && judge(current.completedAt(), resolutionDueAt) : null;
    jdbc.sql(
            """
            update service_delivery_record set
              outcome = ?, outcome_reason = ?, closed_at = ?,
              service_code = ?, catalog_version = ?, request_type = ?, priority = ?, title = ?,
              requester_name = ?, requester_email = ?, customer_id = ?,
              response_due_at = ?, resolution_due_at = ?, planned_at = ?, planned_completion_at = ?, assigned_to = ?,
              response_met = ?, resolution_met = ?, rework_count = ?, first_time_right = ?, billing_status = ?
            where request_id = ?""")
        .param(closure.outcome().name())
        .param(truncate(closure.reason(), 2000))
        .param(Timestamp.from(closedAt))
        .param(firstNonNull(current.serviceCode(), truncate(closure.serviceCode(), 40)))
        .param(firstNonNull(current.catalogVersion(), closure.catalogVersion()))
        .param(firstNonNull(current.requestType(), truncate(closure.requestType(), 40)))
        .param(firstNonNull(current.priority(), truncate(closure.priority(), 10)))
        .param(firstNonNull(current.title(), truncate(closure.title(), 200)))
        .param(current.requesterName())
        .param(current.requesterEmail())
        .param(current.customerId())
        .param(timestamp(responseDueAt))
        .param(timestamp(resolutionDueAt))
        .param(timestamp(closure.plannedAt()))
        .param(timestamp(closure.plannedCompletionAt()))
        .param(closure.assignedTo())
        .param(responseMet)
        .param(resolutionMet)
        .param(closure.reworkCount())
        .param(delivered ? closure.reworkCount() == 0 : null)
        .param((delivered ? BillingStatus.UNBILLED : BillingStatus.NOT_BILLABLE).name())
        .param(closure.requestId())
        .update();
  }

  public Optional<ServiceDeliveryRecord> find(String requestId) {
    return jdbc.sql("select * from service_delivery_record where request_id = ?")
        .param(requestId)
        .query(ServiceDeliveryRecords::map)
        .optional();
  }

  /** @return the record, if there is one and the viewer may see it ({@link Viewer}); one statement */
  public Optional<ServiceDeliveryRecord> find(String requestId, Viewer viewer) {
    Map<String, Object> params = new HashMap<>();
    String scope = RequestScope.condition(viewer, params);
    params.put("requestId", requestId);
    return jdbc.sql("select d.* from service_delivery_record d where d.request_id = :requestId and " + scope)
        .params(params)
        .query(ServiceDeliveryRecords::map)
        .optional();
  }

  public ServiceDeliveryRecord get(String requestId) {
    return find(requestId)
        .orElseThrow(() -> new IllegalStateException("No service delivery record for request " + requestId));
  }

  private static <T> T firstNonNull(T first, T second) {
    return first != null ? first : second;
  }

  private static Boolean judge(Instant done, Instant due) {
    if (due == null) {
      return null;
    }
    return done != null && !done.isAfter(due);
  }

  /** Rejected requests keep what the requester sent, even when it was too long: the record cuts it to fit. */
  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  static ServiceDeliveryRecord map(ResultSet rs, int row) throws SQLException {
    return new ServiceDeliveryRecord(
        rs.getString("request_id"),
        rs.getString("process_instance_id"),
        rs.getString("channel"),
        instant(rs, "received_at"),
        rs.getString("service_code"),
        rs.getObject("catalog_version", Integer.class),
        rs.getString("request_type"),
        rs.getString("priority"),
        rs.getString("title"),
        rs.getString("requester_name"),
        rs.getString("requester_email"),
        rs.getString("customer_id"),
        instant(rs, "response_due_at"),
        instant(rs, "resolution_due_at"),
        instant(rs, "planned_at"),
        rs.getString("assigned_to"),
        instant(rs, "completed_at"),
        instant(rs, "closed_at"),
        RequestOutcome.valueOf(rs.getString("outcome")),
        rs.getString("outcome_reason"),
        bool(rs, "response_met"),
        bool(rs, "resolution_met"),
        instant(rs, "sla_breached_at"),
        rs.getInt("rework_count"),
        bool(rs, "first_time_right"),
        rs.getBigDecimal("effort_hours"),
        rs.getBigDecimal("cost"),
        rs.getString("customer_status") == null ? null : CustomerEvent.valueOf(rs.getString("customer_status")),
        instant(rs, "planned_completion_at"),
        rs.getBigDecimal("cost_rate_per_hour"),
        rs.getBigDecimal("materials_cost"),
        rs.getString("currency"),
        BillingStatus.valueOf(rs.getString("billing_status")));
  }
}
