package io.servicedelivery.sla;

import java.time.Instant;
import java.util.List;

/**
 * When a request must be planned (response), completed and verified (resolution), and when the people involved are
 * warned that the resolution time is running out: one moment per warning threshold of the SLA, ascending.
 */
public record SlaDueDates(Instant responseDueAt, Instant resolutionDueAt, List<Instant> warningsAt) {

  public SlaDueDates {
    warningsAt = List.copyOf(warningsAt);
  }
}
