package io.servicedelivery.metrics;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.records.DeliveryOutcomes;
import io.servicedelivery.records.DeliveryOutcomes.Selection;
import io.servicedelivery.sla.SlaState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Adds up the service delivery records and the customer feedback for the key figures, from the records' read model
 * {@link DeliveryOutcomes}; the SLA standing of open requests comes from their running deliveries.
 */
@Component
class DeliveryTotals {

  private static final long SECONDS_PER_HOUR = 3600;

  private final DeliveryOutcomes deliveryOutcomes;
  private final RuntimeService runtimeService;

  DeliveryTotals(DeliveryOutcomes deliveryOutcomes, RuntimeService runtimeService) {
    this.deliveryOutcomes = deliveryOutcomes;
    this.runtimeService = runtimeService;
  }

  PeriodTotals of(KpiPeriod period, Selection selection) {
    return totals(
        deliveryOutcomes.counts(period.from(), period.to(), selection),
        deliveryOutcomes.ratings(period.from(), period.to(), selection),
        deliveryOutcomes.cycleTime(period.from(), period.to(), selection));
  }

  /**
   * The totals of every customer with requests closed in the period, by customer id, from three statements for all
   * customers together.
   */
  Map<String, PeriodTotals> byCustomer(KpiPeriod period) {
    Map<String, DeliveryOutcomes.Counts> counts = deliveryOutcomes.countsByCustomer(period.from(), period.to());
    Map<String, DeliveryOutcomes.Ratings> ratings = deliveryOutcomes.ratingsByCustomer(period.from(), period.to());
    Map<String, Duration> cycleTimes = deliveryOutcomes.cycleTimeByCustomer(period.from(), period.to());
    Map<String, PeriodTotals> totals = new HashMap<>();
    counts.forEach(
        (customer, outcomes) ->
            totals.put(
                customer,
                totals(
                    outcomes,
                    ratings.getOrDefault(customer, DeliveryOutcomes.Ratings.NONE),
                    cycleTimes.getOrDefault(customer, Duration.ZERO))));
    return totals;
  }

  /** The totals of a customer without requests closed in a period. */
  static PeriodTotals none() {
    return totals(DeliveryOutcomes.Counts.NONE, DeliveryOutcomes.Ratings.NONE, Duration.ZERO);
  }

  private static PeriodTotals totals(
      DeliveryOutcomes.Counts outcomes, DeliveryOutcomes.Ratings ratings, Duration cycleTime) {
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

  /** @param deliveriesAtRisk see {@link #deliveriesAtRisk()} */
  OpenStanding openStanding(Set<String> deliveriesAtRisk, Selection selection) {
    return standing(deliveryOutcomes.openDeliveries(selection), deliveriesAtRisk);
  }

  /** @return the standing of every customer with requests open now, by customer id */
  Map<String, OpenStanding> openStandingByCustomer(Set<String> deliveriesAtRisk) {
    Map<String, OpenStanding> standings = new HashMap<>();
    deliveryOutcomes.openDeliveriesByCustomer()
        .forEach((customer, deliveries) -> standings.put(customer, standing(deliveries, deliveriesAtRisk)));
    return standings;
  }

  private static OpenStanding standing(List<String> deliveries, Set<String> deliveriesAtRisk) {
    return new OpenStanding(deliveries.stream().filter(deliveriesAtRisk::contains).count(), deliveries.size());
  }
}
