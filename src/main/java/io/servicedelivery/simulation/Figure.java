package io.servicedelivery.simulation;

import io.servicedelivery.metrics.KpiUnit;

/**
 * The figures a simulation answers with. The first three and the cycle time are the key figures of {@code metrics}
 * ({@code /api/kpis}) with the same keys and definitions; the others are the simulation's own.
 */
public enum Figure {
  ON_TIME_DELIVERY("onTimeDelivery", "On-time delivery", KpiUnit.PERCENT),
  RESPONSE_SLA_COMPLIANCE("responseSlaCompliance", "Response SLA compliance", KpiUnit.PERCENT),
  RESOLUTION_SLA_COMPLIANCE("resolutionSlaCompliance", "Resolution SLA compliance", KpiUnit.PERCENT),
  AVERAGE_CYCLE_TIME("averageCycleTime", "Average cycle time", KpiUnit.HOURS),
  AVERAGE_WAIT_FOR_STAFF("averageWaitForStaff", "Average wait for staff", KpiUnit.HOURS),
  UTILISATION("utilisation", "Utilisation of the pool", KpiUnit.PERCENT),
  REQUESTS_DELIVERED("requestsDelivered", "Requests delivered", KpiUnit.COUNT),
  REQUESTS_ARRIVED("requestsArrived", "Requests arrived", KpiUnit.COUNT);

  private final String key;
  private final String label;
  private final KpiUnit unit;

  Figure(String key, String label, KpiUnit unit) {
    this.key = key;
    this.label = label;
    this.unit = unit;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public KpiUnit unit() {
    return unit;
  }
}
