package io.servicedelivery.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a delivery costs: the effort at the service's hourly rate plus the materials it used, in the catalog's
 * currency.
 */
public record DeliveryCost(BigDecimal effortHours, BigDecimal ratePerHour, BigDecimal materials, String currency) {

  /** @throws IllegalArgumentException for a negative materials cost, so the form that sent it stays open */
  public DeliveryCost {
    Objects.requireNonNull(effortHours, "effortHours");
    Objects.requireNonNull(ratePerHour, "ratePerHour");
    materials = Objects.requireNonNullElse(materials, BigDecimal.ZERO);
    if (materials.signum() < 0) {
      throw new IllegalArgumentException("The materials cost must be 0 or more, not " + materials.toPlainString());
    }
  }

  public BigDecimal total() {
    return effortHours.multiply(ratePerHour).add(materials).setScale(2, RoundingMode.HALF_UP);
  }
}
