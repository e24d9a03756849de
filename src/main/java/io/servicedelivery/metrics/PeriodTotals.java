package io.servicedelivery.metrics;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the requests that ended in a period add up to. "Delivered" are the requests closed with outcome CLOSED;
 * rejected, cancelled and abandoned requests count only for the response SLA (when they got that far).
 *
 * @param delivered requests closed as delivered
 * @param onTime delivered requests completed by their planned completion, or by their resolution due time when
 *     they were not planned in detail
 * @param responseJudged requests whose response SLA was judged (they had a response due time)
 * @param responseMet of these, the ones planned in time
 * @param resolutionMet delivered requests that met the resolution SLA
 * @param firstTimeRight delivered requests without rework and without a reopening
 * @param ratings customer ratings of delivered requests
 * @param ratingSum the sum of these ratings
 * @param costed delivered requests with a cost
 * @param totalCost the sum of their costs
 * @param cycleHours the sum of received-to-closed times of the delivered requests, in hours
 */
record PeriodTotals(
    long delivered,
    long onTime,
    long responseJudged,
    long responseMet,
    long resolutionMet,
    long firstTimeRight,
    long ratings,
    long ratingSum,
    long costed,
    BigDecimal totalCost,
    BigDecimal cycleHours) {

  /** The key figures of the period, in the order of the API, without openAtRisk (a figure of now). */
  List<Kpi> kpis() {
    return List.of(
        kpi("onTimeDelivery", "On-time delivery", KpiUnit.PERCENT, onTime, delivered),
        kpi("responseSlaCompliance", "Response SLA compliance", KpiUnit.PERCENT, responseMet, responseJudged),
        kpi("resolutionSlaCompliance", "Resolution SLA compliance", KpiUnit.PERCENT, resolutionMet, delivered),
        kpi("firstTimeRight", "First time right", KpiUnit.PERCENT, firstTimeRight, delivered),
        kpi("csatAverage", "Customer satisfaction", KpiUnit.SCORE, ratingSum, ratings),
        kpi("csatResponseRate", "CSAT response rate", KpiUnit.PERCENT, ratings, delivered),
        kpi("averageCost", "Average cost", KpiUnit.MONEY, totalCost, BigDecimal.valueOf(costed)),
        kpi("totalCost", "Total cost", KpiUnit.MONEY, totalCost, BigDecimal.ONE),
        kpi("averageCycleTime", "Average cycle time", KpiUnit.HOURS, cycleHours, BigDecimal.valueOf(delivered)));
  }

  static Kpi kpi(String key, String label, KpiUnit unit, long numerator, long denominator) {
    return kpi(key, label, unit, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
  }

  static Kpi kpi(String key, String label, KpiUnit unit, BigDecimal numerator, BigDecimal denominator) {
    return new Kpi(key, label, unit, unit.value(numerator, denominator), numerator, denominator);
  }
}
