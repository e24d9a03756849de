package io.servicedelivery.records;

import io.servicedelivery.sla.SlaPauseLog;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Ends a request's record: completed with effort and cost, flagged on an SLA breach, and closed with its outcome and
 * SLA results.
 */
@Service
public class RecordClosures {

  private final JdbcClient jdbc;
  private final ServiceDeliveryRecords records;
  private final SlaPauseLog pauses;
  private final DeliveryObjections objections;
  private final Clock clock;

  public RecordClosures(
      JdbcClient jdbc, ServiceDeliveryRecords records, SlaPauseLog pauses, DeliveryObjections objections, Clock clock) {
    this.jdbc = jdbc;
    this.records = records;
    this.pauses = pauses;
    this.objections = objections;
    this.clock = clock;
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

  /**
   * The delivery passed its quality check: the request is resolved, and the resolution SLA is judged now, against
   * the due date as it stands (moved by the pauses so far). The request stays open until the customer confirms it or
   * the confirmation period ends; an objection reopens it ({@link #reopen}).
   *
   * @return when it was resolved
   */
  public Instant resolve(String requestId) {
    Instant resolvedAt = clock.instant();
    ServiceDeliveryRecord current = records.get(requestId);
    boolean met = current.slaBreachedAt() == null && Boolean.TRUE.equals(judge(resolvedAt, current.resolutionDueAt()));
    jdbc.sql("update service_delivery_record set resolved_at = ?, resolution_met = ? where request_id = ?")
        .param(Timestamp.from(resolvedAt))
        .param(current.resolutionDueAt() == null ? null : met)
        .param(requestId)
        .update();
    return resolvedAt;
  }

  /**
   * The customer objected to the resolution: the objection is kept, the request counts one more reopening and is no
   * longer resolved; its resolution SLA is judged again at the next resolution.
   */
  public void reopen(String requestId, String objection) {
    objections.add(requestId, objection);
    jdbc.sql(
            """
            update service_delivery_record set resolved_at = null, resolution_met = null,
              reopen_count = reopen_count + 1
            where request_id = ?""")
        .param(requestId)
        .update();
  }

  /**
   * Closes the record with its outcome; the SLA results are judged against the due dates the request was bound to. A
   * delivered request (outcome CLOSED) keeps the resolution SLA judged when it was resolved; it was first time right
   * when it needed neither a rework nor a reopening.
   */
  public void close(RecordClosure closure) {
    Instant closedAt = clock.instant();
    // a request closed while waiting for the customer (abandoned, cancelled, or the confirmation) ends its pause there
    pauses.endOpenPauseAt(closure.requestId(), closedAt);
    ServiceDeliveryRecord current = records.get(closure.requestId());
    boolean delivered = closure.outcome() == RequestOutcome.CLOSED;
    Boolean responseMet = judge(closure.plannedAt(), current.responseDueAt());
    Boolean resolutionMet =
        delivered
            ? current.resolvedAt() != null
                ? current.resolutionMet()
                : current.slaBreachedAt() == null && judge(current.completedAt(), current.resolutionDueAt())
            : null;
    jdbc.sql(
            """
            update service_delivery_record set
              outcome = ?, outcome_reason = ?, closed_at = ?, priority = coalesce(priority, ?),
              planned_at = ?, planned_completion_at = ?, assigned_to = ?,
              response_met = ?, resolution_met = ?, rework_count = ?, first_time_right = ?, billing_status = ?,
              closed_by = ?
            where request_id = ?""")
        .param(closure.outcome().name())
        .param(truncate(closure.reason(), 2000))
        .param(Timestamp.from(closedAt))
        .param(truncate(closure.priority(), 10))
        .param(timestamp(closure.plannedAt()))
        .param(timestamp(closure.plannedCompletionAt()))
        .param(closure.assignedTo())
        .param(responseMet)
        .param(resolutionMet)
        .param(closure.reworkCount())
        .param(delivered ? closure.reworkCount() == 0 && current.reopenCount() == 0 : null)
        .param((delivered ? BillingStatus.UNBILLED : BillingStatus.NOT_BILLABLE).name())
        .param(delivered && closure.closedBy() != null ? closure.closedBy().name() : null)
        .param(closure.requestId())
        .update();
  }

  private static Boolean judge(Instant done, Instant due) {
    if (due == null) {
      return null;
    }
    return done != null && !done.isAfter(due);
  }

  private static String truncate(String value, int length) {
    return ServiceDeliveryRecords.truncate(value, length);
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
