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

  /**
   * @return where an open, running request stands at {@code now}: breached from the resolution due date, at risk from
   *     the second warning (the first is a heads-up), on track before
   */
  public SlaState stateAt(Instant now) {
    if (!now.isBefore(resolutionDueAt)) {
      return SlaState.BREACHED;
    }
    boolean atRisk = warningsAt.size() > 1 && !now.isBefore(warningsAt.get(1));
    return atRisk ? SlaState.AT_RISK : SlaState.ON_TRACK;
  }
}
