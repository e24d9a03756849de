package io.servicedelivery.intake;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a request reached the service organisation. */
public enum Channel {
  /** the customer portal */
  PORTAL,
  /** a system calling the request API */
  API,
  /** the service desk, including the order form in Tasklist that the desk fills in for a customer */
  SERVICE_DESK,
  /** the sales-order system */
  SALES_ORDER,
  /** a mail to the service-desk mailbox (mailbox/InboundMailHandling) */
  EMAIL;

  /** The channel a request names; none named means the service desk. */
  public static String normalize(String value) {
    return value == null || value.isBlank() ? SERVICE_DESK.name() : value.trim().toUpperCase();
  }

  static boolean isKnown(String value) {
    return Arrays.stream(values()).anyMatch(channel -> channel.name().equals(value));
  }

  static String allowed() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
