package io.servicedelivery.metrics;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.records.DeliveryOutcomes;
import io.servicedelivery.sla.SlaState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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

  /** @param serviceCode null for all services */
  PeriodTotals of(KpiPeriod period, String serviceCode) {
    DeliveryOutcomes.Counts outcomes = deliveryOutcomes.counts(period.from(), period.to(), serviceCode);
    DeliveryOutcomes.Ratings ratings = deliveryOutcomes.ratings(period.from(), period.to(), serviceCode);
    Duration cycleTime = deliveryOutcomes.cycleTime(period.from(), period.to(), serviceCode);
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

  /**
   * @param deliveriesAtRisk see {@link #deliveriesAtRisk()}
   * @param serviceCode null for all services
   */
  OpenStanding openStanding(Set<String> deliveriesAtRisk, String serviceCode) {
    List<String> deliveries = deliveryOutcomes.openDeliveries(serviceCode);
    return new OpenStanding(deliveries.stream().filter(deliveriesAtRisk::contains).count(), deliveries.size());
  }
}
