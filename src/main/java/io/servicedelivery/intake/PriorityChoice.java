package io.servicedelivery.intake;

import io.servicedelivery.sla.Priority;

/** A request names its priority, or an impact and an urgency for the priority matrix: one or the other. */
final class PriorityChoice {

  static final String MESSAGE = "give either a priority, or an impact and an urgency";

  private PriorityChoice() {}

  static boolean isValid(Priority priority, Level impact, Level urgency) {
    return priority != null ? impact == null && urgency == null : impact != null && urgency != null;
  }
}
