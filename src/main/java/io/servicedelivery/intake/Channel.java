package io.servicedelivery.intake;

/** How a request reached the service organisation. */
public enum Channel {
  /** the customer portal */
  PORTAL,
  /** a system calling the request API */
  API,
  /** the service desk, including the order form in Tasklist that the desk fills in for a customer */
  SERVICE_DESK,
  /** the sales-order system */
  SALES_ORDER;

  public static Channel parseOrDefault(String value) {
    if (value == null || value.isBlank()) {
      return SERVICE_DESK;
    }
    return valueOf(value.trim().toUpperCase());
  }
}
