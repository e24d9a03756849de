package io.servicedelivery.records;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the records of the requests closed in a period, {@code [from, to)}, add up to, and which requests are open
 * now: a read model for the key figures, in standard SQL (H2 and PostgreSQL), of the requests a {@link Selection}
 * names, or of every customer at once ({@code ...ByCustomer}: one statement for all customers, grouped by customer).
 */
@Repository
public class DeliveryOutcomes {

  /**
   * The requests the figures are about; a null field does not select.
   *
   * @param serviceCode of this catalog service
   * @param customerId of this customer
   * @param requesterEmail of this requester, in any case
   */
  public record Selection(String serviceCode, String customerId, String requesterEmail) {

    public static final Selection ALL = new Selection(null, null, null);

    public static Selection ofService(String serviceCode) {
      return new Selection(serviceCode, null, null);
    }

    public Selection withService(String code) {
      return new Selection(code, customerId, requesterEmail);
    }
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
      long costed, BigDecimal totalCost) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO);
  }

  /** The customer ratings of the requests delivered in the period, and their sum. */
  public record Ratings(long ratings, long ratingSum) {

    public static final Ratings NONE = new Ratings(0, 0);
  }

  private static final String COUNTS =
      """
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
      from service_delivery_record r where""";

  private static final String RATINGS =
      """
       count(*) as ratings, coalesce(sum(f.rating), 0) as rating_sum
      from customer_feedback f join service_delivery_record r on r.request_id = f.request_id
      where r.outcome = 'CLOSED' and""";

  private static final String CYCLE_TIMES =
      " r.received_at, r.closed_at from service_delivery_record r where r.outcome = 'CLOSED' and";

  /** the customer of grouped figures: requests of no customer are in no customer's figures */
  private static final String BY_CUSTOMER = " r.customer_id is not null and";

  private final JdbcClient jdbc;

  public DeliveryOutcomes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Counts counts(Instant from, Instant to, Selection selection) {
    return closedIn("select" + COUNTS, from, to, selection, "").query(Counts.class).single();
  }

  /** {@link #counts} of every customer with requests closed in the period, by customer id */
  public Map<String, Counts> countsByCustomer(Instant from, Instant to) {
    return byCustomer(
        closedIn("select r.customer_id," + COUNTS + BY_CUSTOMER, from, to, Selection.ALL, " group by r.customer_id"),
        new DataClassRowMapper<>(Counts.class));
  }

  public Ratings ratings(Instant from, Instant to, Selection selection) {
    return closedIn("select" + RATINGS, from, to, selection, "").query(Ratings.class).single();
  }

  /** {@link #ratings} of every customer with ratings of requests closed in the period, by customer id */
  public Map<String, Ratings> ratingsByCustomer(Instant from, Instant to) {
    return byCustomer(
        closedIn("select r.customer_id," + RATINGS + BY_CUSTOMER, from, to, Selection.ALL, " group by r.customer_id"),
        new DataClassRowMapper<>(Ratings.class));
  }

  /** The received-to-closed times of the requests delivered in the period, added up. */
  public Duration cycleTime(Instant from, Instant to, Selection selection) {
    // timestamp differences are vendor-specific in SQL, so the cycle times are added up here
    return closedIn("select" + CYCLE_TIMES, from, to, selection, "")
        .query(DeliveryOutcomes::cycleTimeOf)
        .list()
        .stream()
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** {@link #cycleTime} of every customer with requests delivered in the period, by customer id */
  public Map<String, Duration> cycleTimeByCustomer(Instant from, Instant to) {
    Map<String, Duration> times = new HashMap<>();
    closedIn("select r.customer_id," + CYCLE_TIMES + BY_CUSTOMER, from, to, Selection.ALL, "")
        .query(rs -> {
          times.merge(rs.getString("customer_id"), cycleTimeOf(rs, 0), Duration::plus);
        });
    return times;
  }

  /** The process instances of the deliveries of the requests open now. */
  public List<String> openDeliveries(Selection selection) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql(
            "select r.process_instance_id from service_delivery_record r where r.outcome = 'OPEN'"
                + conditions(selection, params))
        .params(params)
        .query(String.class)
        .list();
  }

  /** {@link #openDeliveries} of every customer with requests open now, by customer id */
  public Map<String, List<String>> openDeliveriesByCustomer() {
    Map<String, List<String>> deliveries = new HashMap<>();
    jdbc.sql(
            "select r.customer_id, r.process_instance_id from service_delivery_record r"
                + " where r.outcome = 'OPEN' and r.customer_id is not null")
        .query(rs -> {
          deliveries.computeIfAbsent(rs.getString("customer_id"), id -> new ArrayList<>())
              .add(rs.getString("process_instance_id"));
        });
    return deliveries;
  }

  private static Duration cycleTimeOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return Duration.between(rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("closed_at").toInstant());
  }

  private static <T> Map<String, T> byCustomer(JdbcClient.StatementSpec statement, RowMapper<T> figures) {
    Map<String, T> byCustomer = new HashMap<>();
    statement.query(rs -> {
      byCustomer.put(rs.getString("customer_id"), figures.mapRow(rs, 0));
    });
    return byCustomer;
  }

  /**
   * The statement with the condition "closed in the period (and of the selection)" after {@code select}, and the
   * {@code suffix} after it.
   */
  private JdbcClient.StatementSpec closedIn(
      String select, Instant from, Instant to, Selection selection, String suffix) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", Timestamp.from(from));
    params.put("to", Timestamp.from(to));
    String sql = select + " r.closed_at >= :from and r.closed_at < :to" + conditions(selection, params) + suffix;
    return jdbc.sql(sql).params(params);
  }

  private static String conditions(Selection selection, Map<String, Object> params) {
    StringBuilder conditions = new StringBuilder();
    if (selection.serviceCode() != null) {
      conditions.append(" and r.service_code = :service");
      params.put("service", selection.serviceCode());
    }
    if (selection.customerId() != null) {
      conditions.append(" and r.customer_id = :customer");
      params.put("customer", selection.customerId());
    }
    if (selection.requesterEmail() != null) {
      conditions.append(" and lower(r.requester_email) = :requester");
      params.put("requester", selection.requesterEmail().toLowerCase(Locale.ROOT));
    }
    return conditions.toString();
  }
}
