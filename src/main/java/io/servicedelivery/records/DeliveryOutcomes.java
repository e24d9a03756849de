package io.servicedelivery.records;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the records of the requests closed in a period, {@code [from, to)}, add up to, and which requests are open
 * now: a read model for the key figures, in standard SQL (H2 and PostgreSQL). A null service code means all services.
 */
@Repository
public class DeliveryOutcomes {

  private final JdbcClient jdbc;

  public DeliveryOutcomes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The outcomes of the requests closed in the period. "Delivered" are the requests closed with outcome CLOSED.
   *
   * @param onTime delivered requests resolved (passed their quality check; before issue 15: completed) by their
   *     planned completion, or by their resolution due time
   * @param firstTimeRight delivered requests that needed neither a rework nor a reopening after an objection
   * @param responseJudged requests (of any outcome) whose response SLA was judged
   * @param responseMet of these, the ones planned in time
   * @param costed delivered requests with a cost
   * @param totalCost the sum of their costs
   */
  public record Counts(
      long delivered, long onTime, long responseJudged, long responseMet, long resolutionMet, long firstTimeRight,
      long costed, BigDecimal totalCost) {}

  /** The customer ratings of the requests delivered in the period, and their sum. */
  public record Ratings(long ratings, long ratingSum) {}

  public Counts counts(Instant from, Instant to, String serviceCode) {
    return closedIn(
            """
            select
              coalesce(sum(case when r.outcome = 'CLOSED' then 1 else 0 end), 0) as delivered,
              coalesce(sum(case when r.outcome = 'CLOSED'
                and coalesce(r.resolved_at, r.completed_at) <= coalesce(r.planned_completion_at, r.resolution_due_at)
                then 1 else 0 end), 0)
                as on_time,
              coalesce(sum(case when r.response_met is not null then 1 else 0 end), 0) as response_judged,
              coalesce(sum(case when r.response_met = true then 1 else 0 end), 0) as response_met,
              coalesce(sum(case when r.outcome = 'CLOSED' and r.resolution_met = true then 1 else 0 end), 0)
                as resolution_met,
              coalesce(sum(case when r.outcome = 'CLOSED' and r.first_time_right = true then 1 else 0 end), 0)
                as first_time_right,
              coalesce(sum(case when r.outcome = 'CLOSED' and r.cost is not null then 1 else 0 end), 0) as costed,
              coalesce(sum(case when r.outcome = 'CLOSED' then r.cost end), 0) as total_cost
            from service_delivery_record r where""",
            from,
            to,
            serviceCode)
        .query(Counts.class)
        .single();
  }

  public Ratings ratings(Instant from, Instant to, String serviceCode) {
    return closedIn(
            """
            select count(*) as ratings, coalesce(sum(f.rating), 0) as rating_sum
            from customer_feedback f join service_delivery_record r on r.request_id = f.request_id
            where r.outcome = 'CLOSED' and""",
            from,
            to,
            serviceCode)
        .query(Ratings.class)
        .single();
  }

  /** The received-to-closed times of the requests delivered in the period, added up. */
  public Duration cycleTime(Instant from, Instant to, String serviceCode) {
    // timestamp differences are vendor-specific in SQL, so the cycle times are added up here
    return closedIn(
            "select r.received_at, r.closed_at from service_delivery_record r where r.outcome = 'CLOSED' and",
            from,
            to,
            serviceCode)
        .query(
            (rs, row) ->
                Duration.between(rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("closed_at").toInstant()))
        .list()
        .stream()
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** The process instances of the deliveries of the requests open now. */
  public List<String> openDeliveries(String serviceCode) {
    String open = "select process_instance_id from service_delivery_record where outcome = 'OPEN'";
    return (serviceCode == null ? jdbc.sql(open) : jdbc.sql(open + " and service_code = ?").param(serviceCode))
        .query(String.class)
        .list();
  }

  /** The statement with the condition "closed in the period (and of the service)" after {@code select}. */
  private JdbcClient.StatementSpec closedIn(String select, Instant from, Instant to, String serviceCode) {
    String sql =
        select + " r.closed_at >= :from and r.closed_at < :to"
            + (serviceCode == null ? "" : " and r.service_code = :service");
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
    return serviceCode == null ? statement : statement.param("service", serviceCode);
  }
}
