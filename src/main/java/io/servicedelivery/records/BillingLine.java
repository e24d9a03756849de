package io.servicedelivery.records;

import java.math.BigDecimal;
import java.time.Instant;

/** A delivered request as billing receives it. */
record BillingLine(
    String requestId,
    String customerId,
    String serviceCode,
    String requestType,
    String priority,
    String title,
    Instant closedAt,
    BigDecimal effortHours,
    BigDecimal ratePerHour,
    BigDecimal materials,
    BigDecimal cost,
    String currency,
    Boolean responseMet,
    Boolean resolutionMet,
    Boolean firstTimeRight) {

  static final Object[] HEADER = {
    "request_id", "customer_id", "service_code", "request_type", "priority", "title", "closed_at", "effort_hours",
    "rate_per_hour", "materials_cost", "cost", "currency", "response_met", "resolution_met", "first_time_right"
  };

  Object[] fields() {
    return new Object[] {
      requestId, customerId, serviceCode, requestType, priority, title, closedAt, effortHours, ratePerHour, materials,
      cost, currency, responseMet, resolutionMet, firstTimeRight
    };
  }
}
