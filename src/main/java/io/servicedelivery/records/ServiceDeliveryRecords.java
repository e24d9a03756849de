package io.servicedelivery.records;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Service;

/**
 * Keeps the service delivery record of every request: opened when the request arrives and bound to the SLA and the
 * catalog terms it was validated against. Its completion and closure are {@link RecordClosures}, its pages
 * {@link RecordSearch}, the customer's view of its progress {@link CustomerTimelines}.
 */
@Service
public class ServiceDeliveryRecords {

  /** ids bound to one {@code in} list: far below what every database accepts */
  private static final int IN_LIST_SIZE = 500;

  private final JdbcClient jdbc;
  private final DataFieldMaxValueIncrementer requestNumbers;

  public ServiceDeliveryRecords(JdbcClient jdbc, DataFieldMaxValueIncrementer requestNumbers) {
    this.jdbc = jdbc;
    this.requestNumbers = requestNumbers;
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
              description, requester_name, requester_email, customer_id, requester_time_zone, process_version, outcome)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
        .param(request.requestId())
        .param(request.processInstanceId())
        .param(truncate(request.channel(), 20))
        .param(Timestamp.from(request.receivedAt()))
        .param(truncate(request.serviceCode(), 40))
        .param(truncate(request.requestType(), 40))
        .param(truncate(request.priority(), 10))
        .param(truncate(request.title(), 200))
        .param(truncate(request.description(), 4000))
        .param(truncate(request.requesterName(), 120))
        .param(truncate(request.requesterEmail(), 254))
        .param(truncate(request.customerId(), 64))
        .param(truncate(request.requesterTimeZone(), 64))
        .param(request.processVersion())
        .update();
  }

  /**
   * The request of the process instance now runs on another version of service-delivery (it was migrated): the
   * record follows. A process instance without a record (rejected before it got one) changes nothing.
   */
  public void moveToProcessVersion(String processInstanceId, int processVersion) {
    jdbc.sql("update service_delivery_record set process_version = ? where process_instance_id = ?")
        .param(processVersion)
        .param(processInstanceId)
        .update();
  }

  /** The version of service-delivery the request runs (or ran) on; empty for an unknown request or an old record. */
  public Optional<Integer> processVersion(String requestId) {
    return jdbc.sql("select process_version from service_delivery_record where request_id = ?")
        .param(requestId)
        .query((rs, row) -> (Integer) rs.getObject("process_version", Integer.class))
        .optional();
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

  /**
   * Records the plan "Plan delivery" made: when the work starts and ends, and why it ends after the resolution due time
   * when it does (null otherwise). The closure adds when it was made.
   */
  public void recordPlan(String requestId, Instant plannedStart, Instant plannedCompletion, String deviationReason) {
    jdbc.sql(
            """
            update service_delivery_record
            set planned_start_at = ?, planned_completion_at = ?, plan_deviation_reason = ?
            where request_id = ?""")
        .param(Timestamp.from(plannedStart))
        .param(Timestamp.from(plannedCompletion))
        .param(truncate(deviationReason, 1000))
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

  /** @return the records of the requests that have one, by request id; one statement per 500 requests */
  public Map<String, ServiceDeliveryRecord> findAll(Collection<String> requestIds) {
    Map<String, ServiceDeliveryRecord> found = new HashMap<>();
    List<String> ids = List.copyOf(new LinkedHashSet<>(requestIds));
    for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
      jdbc.sql("select * from service_delivery_record where request_id in (:requestIds)")
          .param("requestIds", ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE)))
          .query(ServiceDeliveryRecords::map)
          .list()
          .forEach(record -> found.put(record.requestId(), record));
    }
    return found;
  }

  public ServiceDeliveryRecord get(String requestId) {
    return find(requestId)
        .orElseThrow(() -> new IllegalStateException("No service delivery record for request " + requestId));
  }

  /** Rejected requests keep what the requester sent, even when it was too long: the record cuts it to fit. */
  static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
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
        rs.getObject("process_version", Integer.class),
        rs.getString("request_type"),
        rs.getString("priority"),
        rs.getString("title"),
        rs.getString("requester_name"),
        rs.getString("requester_email"),
        rs.getString("customer_id"),
        rs.getString("requester_time_zone"),
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
        BillingStatus.valueOf(rs.getString("billing_status")),
        instant(rs, "planned_start_at"),
        rs.getString("plan_deviation_reason"),
        instant(rs, "resolved_at"),
        rs.getString("closed_by") == null ? null : ClosedBy.valueOf(rs.getString("closed_by")),
        rs.getInt("reopen_count"));
  }
}
