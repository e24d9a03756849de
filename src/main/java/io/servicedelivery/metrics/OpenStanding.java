package io.servicedelivery.metrics;

/**
 * The open requests now, and how many of them are at risk of missing their resolution SLA or have missed it
 * already (slaState AT_RISK or BREACHED on the running delivery).
 */
record OpenStanding(long atRisk, long open) {

  static final String KEY = "openAtRisk";

  Kpi kpi() {
    return PeriodTotals.kpi(KEY, "Open requests at risk", KpiUnit.COUNT, atRisk, open);
  }
}
