package io.servicedelivery.metrics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated history of ended requests with known outcomes, inserted as service delivery records and customer
 * feedback. Request number i of a series ends (closed_at) at {@code firstClosedAt + i × step} and is, by rule:
 *
 * <ul>
 *   <li>of service {@link #SERVICES}[i % 5];
 *   <li>REJECTED when i % 8 == 7 (no response judged), CANCELLED when i % 8 == 6 (response met unless i % 3 == 0,
 *       rated 1 when i % 16 == 6), ABANDONED when i % 24 == 5 (response met), else delivered (CLOSED);
 *   <li>received 24, 36, 48 or 60 hours (i % 4) before it was closed;
 * </ul>
 *
 * and when delivered:
 *
 * <ul>
 *   <li>completed 2 hours before it was closed, planned in detail (planned_completion_at) unless i % 3 == 0, when the
 *       resolution due time is the target; the target is missed by an hour when i % 4 == 0, met exactly when
 *       i % 4 == 1, and met with an hour to spare otherwise. A planned request's resolution due time lies 30 hours
 *       before its completion, so only the planned completion can make it on time;
 *   <li>response met unless i % 11 == 0; resolution SLA met (no breach) unless i % 6 == 0;
 *   <li>reworked 1 or 2 times (i / 7 % 2 + 1) when i % 7 == 0, else first time right;
 *   <li>costs 40.00 + 2.50 × (i % 9), except when i % 10 == 3 (no cost recorded);
 *   <li>rated 1 + (i / 5) % 5 by the customer, except when i % 3 == 2.
 * </ul>
 */
final class DeliveryHistory {

  static final List<String> SERVICES =
      List.of("DATA_RECOVERY", "LAPTOP_PROVISIONING", "NETWORK_ACCESS", "ONSITE_REPAIR", "SOFTWARE_INSTALLATION");

  private DeliveryHistory() {}

  /** Inserts the requests {@code prefix-000} to {@code prefix-<count - 1>}. */
  static void insert(JdbcClient jdbc, String prefix, Instant firstClosedAt, int count, Duration step) {
    for (int i = 0; i < count; i++) {
      insert(jdbc, String.format("%s-%03d", prefix, i), i, firstClosedAt.plus(step.multipliedBy(i)));
    }
  }

  private static void insert(JdbcClient jdbc, String requestId, int i, Instant closedAt) {
    String outcome =
        i % 8 == 7 ? "REJECTED" : i % 8 == 6 ? "CANCELLED" : i % 24 == 5 ? "ABANDONED" : "CLOSED";
    boolean delivered = outcome.equals("CLOSED");
    Instant receivedAt = closedAt.minus(Duration.ofHours(24 + 12 * (i % 4)));
    Boolean responseMet =
        switch (outcome) {
          case "REJECTED" -> null;
          case "CANCELLED" -> i % 3 != 0;
          case "ABANDONED" -> true;
          default -> i % 11 != 0;
        };
    Instant completedAt = null;
    Instant plannedCompletionAt = null;
    Instant resolutionDueAt = receivedAt.plus(Duration.ofHours(72));
    Boolean resolutionMet = null;
    Instant breachedAt = null;
    int reworks = 0;
    Boolean firstTimeRight = null;
    BigDecimal cost = null;
    if (delivered) {
      completedAt = closedAt.minus(Duration.ofHours(2));
      Instant target =
          i % 4 == 0 ? completedAt.minus(Duration.ofHours(1))
              : i % 4 == 1 ? completedAt
              : completedAt.plus(Duration.ofHours(1));
      if (i % 3 == 0) {
        resolutionDueAt = target;
      } else {
        plannedCompletionAt = target;
        resolutionDueAt = completedAt.minus(Duration.ofHours(30));
      }
      resolutionMet = i % 6 != 0;
      breachedAt = resolutionMet ? null : closedAt.minus(Duration.ofHours(1));
      reworks = i % 7 == 0 ? i / 7 % 2 + 1 : 0;
      firstTimeRight = reworks == 0;
      cost = i % 10 == 3 ? null : BigDecimal.valueOf(4000 + 250 * (i % 9), 2);
    }
    jdbc.sql(
            """
            insert into service_delivery_record (
              request_id, process_instance_id, channel, received_at, service_code, request_type, priority, title,
              response_due_at, resolution_due_at, planned_completion_at, completed_at, closed_at, outcome,
              response_met, resolution_met, sla_breached_at, rework_count, first_time_right, cost)
            values (?, ?, 'API', ?, ?, 'ANY', 'MEDIUM', 'Generated', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            requestId,
            "no-instance-" + requestId,
            timestamp(receivedAt),
            SERVICES.get(i % 5),
            timestamp(receivedAt.plus(Duration.ofHours(4))),
            timestamp(resolutionDueAt),
            timestamp(plannedCompletionAt),
            timestamp(completedAt),
            timestamp(closedAt),
            outcome,
            responseMet,
            resolutionMet,
            timestamp(breachedAt),
            reworks,
            firstTimeRight,
            cost)
        .update();
    boolean rated = delivered ? i % 3 != 2 : outcome.equals("CANCELLED") && i % 16 == 6;
    if (rated) {
      jdbc.sql("insert into customer_feedback (request_id, rating, rated_at, rated_by) values (?, ?, ?, 'customer')")
          .params(requestId, delivered ? 1 + (i / 5) % 5 : 1, timestamp(closedAt.plus(Duration.ofHours(3))))
          .update();
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
