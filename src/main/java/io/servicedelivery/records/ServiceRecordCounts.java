package io.servicedelivery.records;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records counted per service, for the delivery's meters: requests per outcome, SLA breaches, reworks and
 * customer ratings. A request rejected before it named a service has no service code.
 */
@Repository
public class ServiceRecordCounts {

  private final JdbcClient jdbc;

  public ServiceRecordCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @param serviceCode null for requests that named no service */
  public record OutcomeCount(String serviceCode, RequestOutcome outcome, long requests) {}

  public record AverageRating(String serviceCode, double average) {}

  /** The requests per service and outcome; only the combinations that have any. */
  public List<OutcomeCount> requestsByServiceAndOutcome() {
    return jdbc.sql(
            """
            select service_code, outcome, count(*) as requests
            from service_delivery_record group by service_code, outcome""")
        .query(
            (rs, row) ->
                new OutcomeCount(
                    rs.getString("service_code"),
                    RequestOutcome.valueOf(rs.getString("outcome")),
                    rs.getLong("requests")))
        .list();
  }

  /** The average customer rating (1 to 5) per service; services without a rating are missing. */
  public List<AverageRating> averageRatingByService() {
    return jdbc.sql(
            """
            select r.service_code, avg(cast(f.rating as decimal(10, 4))) as average
            from customer_feedback f join service_delivery_record r on r.request_id = f.request_id
            where r.service_code is not null group by r.service_code""")
        .query((rs, row) -> new AverageRating(rs.getString(1), rs.getDouble("average")))
        .list();
  }

  /** The services the requests name. */
  public List<String> serviceCodes() {
    return jdbc.sql("select distinct service_code from service_delivery_record where service_code is not null")
        .query(String.class)
        .list();
  }

  public long slaBreaches(String serviceCode) {
    return count(
        "select count(*) from service_delivery_record where sla_breached_at is not null and service_code = ?",
        serviceCode);
  }

  /** The rework rounds after failed quality checks. */
  public long reworks(String serviceCode) {
    return count(
        "select coalesce(sum(rework_count), 0) from service_delivery_record where service_code = ?", serviceCode);
  }

  public long ratings(String serviceCode) {
    return count(
        """
        select count(*) from customer_feedback f join service_delivery_record r on r.request_id = f.request_id
        where r.service_code = ?""",
        serviceCode);
  }

  private long count(String sql, String serviceCode) {
    return jdbc.sql(sql).param(serviceCode).query(Long.class).single();
  }
}
