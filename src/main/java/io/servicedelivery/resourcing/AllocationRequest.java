package io.servicedelivery.resourcing;

import java.time.Duration;
import java.time.Instant;

/**
 * What a request needs from the pool: a skill at a minimum level (1 when any level will do) for the planned window
 * from {@code plannedFrom} to {@code plannedTo}.
 */
public record AllocationRequest(String requestId, String skill, int minimumLevel, Instant plannedFrom, Instant plannedTo) {

  public AllocationRequest {
    minimumLevel = Math.max(minimumLevel, 1);
    // a window without a known end is the moment it starts
    if (plannedTo == null || !plannedTo.isAfter(plannedFrom)) {
      plannedTo = plannedFrom.plus(Duration.ofSeconds(1));
    }
  }
}
