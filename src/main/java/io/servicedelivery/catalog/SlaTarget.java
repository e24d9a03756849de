package io.servicedelivery.catalog;

import java.time.Duration;

/**
 * The service level promised for one priority: the response time (the request is planned and acknowledged) and
 * the resolution time (the delivery is completed and verified), both counted from the moment the request arrives.
 */
public record SlaTarget(Priority priority, int responseMinutes, int resolutionMinutes) {

  public Duration response() {
    return Duration.ofMinutes(responseMinutes);
  }

  public Duration resolution() {
    return Duration.ofMinutes(resolutionMinutes);
  }
}
