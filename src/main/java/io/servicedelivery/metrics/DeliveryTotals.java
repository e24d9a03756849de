package io.servicedelivery.metrics;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.sla.SlaState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Adds up the service delivery records and the customer feedback for the key figures, in standard SQL (H2 and
 * PostgreSQL); the SLA standing of open requests comes from their running deliveries.
 */
@Repository
class DeliveryTotals {

  private static final long SECONDS_PER_HOUR = 3600;

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;

  DeliveryTotals(JdbcClient jdbc, RuntimeService runtimeService) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
  }

  /** @param serviceCode null for all services */
  PeriodTotals of(KpiPeriod period, String serviceCode) {
    String ended =
        "r.closed_at >= :from and r.closed_at < :to" + (serviceCode == null ? "" : " and r.service_code = :service");
    record Outcomes(
        long delivered, long onTime, long responseJudged, long responseMet, long resolutionMet, long firstTimeRight,
        long costed, BigDecimal totalCost) {}
    Outcomes outcomes =
        query(
                """
                select
                  coalesce(sum(case when r.outcome = 'CLOSED' then 1 else 0 end), 0) as delivered,
                  coalesce(sum(case when r.outcome = 'CLOSED'
                    and r.completed_at <= coalesce(r.planned_completion_at, r.resolution_due_at) then 1 else 0 end), 0)
                    as on_time,
                  coalesce(sum(case when r.response_met is not null then 1 else 0 end), 0) as response_judged,
                  coalesce(sum(case when r.response_met = true then 1 else 0 end), 0) as response_met,
                  coalesce(sum(case when r.outcome = 'CLOSED' and r.resolution_met = true then 1 else 0 end), 0)
                    as resolution_met,
                  coalesce(sum(case when r.outcome = 'CLOSED' and r.first_time_right = true then 1 else 0 end), 0)
                    as first_time_right,
                  coalesce(sum(case when r.outcome = 'CLOSED' and r.cost is not null then 1 else 0 end), 0) as costed,
                  coalesce(sum(case when r.outcome = 'CLOSED' then r.cost end), 0) as total_cost
                from service_delivery_record r"""
                    + " where " + ended,
                period,
                serviceCode)
            .query(Outcomes.class)
            .single();
    record Ratings(long ratings, long ratingSum) {}
    Ratings ratings =
        query(
                """
                select count(*) as ratings, coalesce(sum(f.rating), 0) as rating_sum
                from customer_feedback f join service_delivery_record r on r.request_id = f.request_id"""
                    + " where r.outcome = 'CLOSED' and " + ended,
                period,
                serviceCode)
            .query(Ratings.class)
            .single();
    // timestamp differences are vendor-specific in SQL, so the cycle times are added up here
    Duration cycleTime =
        query(
                "select r.received_at, r.closed_at from service_delivery_record r where r.outcome = 'CLOSED' and "
                    + ended,
                period,
                serviceCode)
            .query(
                (rs, row) ->
                    Duration.between(
                        rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("closed_at").toInstant()))
            .list()
            .stream()
            .reduce(Duration.ZERO, Duration::plus);
    return new PeriodTotals(
        outcomes.delivered(),
        outcomes.onTime(),
        outcomes.responseJudged(),
        outcomes.responseMet(),
        outcomes.resolutionMet(),
        outcomes.firstTimeRight(),
        ratings.ratings(),
        ratings.ratingSum(),
        outcomes.costed(),
        outcomes.totalCost().setScale(2, RoundingMode.HALF_UP),
        BigDecimal.valueOf(cycleTime.toSeconds())
            .divide(BigDecimal.valueOf(SECONDS_PER_HOUR), 2, RoundingMode.HALF_UP));
  }

  private JdbcClient.StatementSpec query(String sql, KpiPeriod period, String serviceCode) {
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql).param("from", Timestamp.from(period.from())).param("to", Timestamp.from(period.to()));
    return serviceCode == null ? statement : statement.param("service", serviceCode);
  }

  /** The ids of the running deliveries whose resolution SLA is at risk or breached. */
  Set<String> deliveriesAtRisk() {
    Set<String> ids = new HashSet<>();
    for (SlaState state : List.of(SlaState.AT_RISK, SlaState.BREACHED)) {
      runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(ServiceDeliveryProcess.KEY)
          .variableValueEquals(Variables.SLA_STATE, state.name())
          .list()
          .stream()
          .map(ProcessInstance::getId)
          .forEach(ids::add);
    }
    return ids;
  }

  /**
   * @param deliveriesAtRisk see {@link #deliveriesAtRisk()}
   * @param serviceCode null for all services
   */
  OpenStanding openStanding(Set<String> deliveriesAtRisk, String serviceCode) {
    String open = "select process_instance_id from service_delivery_record where outcome = 'OPEN'";
    List<String> deliveries =
        (serviceCode == null ? jdbc.sql(open) : jdbc.sql(open + " and service_code = ?").param(serviceCode))
            .query(String.class)
            .list();
    return new OpenStanding(deliveries.stream().filter(deliveriesAtRisk::contains).count(), deliveries.size());
  }
}
