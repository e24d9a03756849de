package io.servicedelivery.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a KPI's value measures, and how the value follows from numerator and denominator: rounded half up to the
 * unit's decimals, so a value can always be recomputed from the numerator and denominator it is shown with.
 */
public enum KpiUnit {
  /** numerator / denominator × 100, one decimal */
  PERCENT,
  /** an average customer rating of 1 to 5, two decimals */
  SCORE,
  /** in the catalog's currency, two decimals */
  MONEY,
  /** one decimal */
  HOURS,
  /** the numerator: how many requests out of the denominator */
  COUNT;

  /** @return the value, or null when the denominator is 0 */
  BigDecimal value(BigDecimal numerator, BigDecimal denominator) {
    if (denominator.signum() == 0) {
      return null;
    }
    return switch (this) {
      case PERCENT -> numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP);
      case SCORE, MONEY -> numerator.divide(denominator, 2, RoundingMode.HALF_UP);
      case HOURS -> numerator.divide(denominator, 1, RoundingMode.HALF_UP);
      case COUNT -> numerator;
    };
  }
}
