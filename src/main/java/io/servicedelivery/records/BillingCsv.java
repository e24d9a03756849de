package io.servicedelivery.records;

import java.util.List;

/** The CSV that billing receives: a header line, then a line per delivered request. */
final class BillingCsv {

  private static final Object[] HEADER = {
    "request_id", "customer_id", "service_code", "request_type", "priority", "title", "closed_at", "effort_hours",
    "rate_per_hour", "materials_cost", "cost", "currency", "response_met", "resolution_met", "first_time_right"
  };

  private BillingCsv() {}

  static String of(List<ServiceDeliveryRecord> records) {
    Csv csv = new Csv().line(HEADER);
    for (ServiceDeliveryRecord record : records) {
      csv.line(
          record.requestId(),
          record.customerId(),
          record.serviceCode(),
          record.requestType(),
          record.priority(),
          record.title(),
          record.closedAt(),
          record.effortHours(),
          record.costRatePerHour(),
          record.materialsCost(),
          record.cost(),
          record.currency(),
          record.responseMet(),
          record.resolutionMet(),
          record.firstTimeRight());
    }
    return csv.toString();
  }
}
