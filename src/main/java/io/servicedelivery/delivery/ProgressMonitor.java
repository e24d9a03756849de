package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Values.CORRECTIVE_RESOLVED;
import static io.servicedelivery.delivery.ProcessConstants.Values.PROGRESS_ISSUE;

import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Evaluates a progress report against the SLA: an issue or delay that no corrective action has resolved yet goes
 * to the operations managers, with how much of the resolution time is already used.
 */
@Service
class ProgressMonitor {

  /** At risk from here when the request has no time of its second warning (it started before there were three). */
  static final int AT_RISK_PERCENT = 75;

  private final SlaClock slaClock;
  private final Clock clock;

  ProgressMonitor(SlaClock slaClock, Clock clock) {
    this.slaClock = slaClock;
    this.clock = clock;
  }

  /**
   * @param calendar the calendar the resolution time counts in
   * @param paused the business time the resolution clock stood still so far
   * @param atRiskFrom when the second warning threshold of the resolution time is reached; null if unknown
   */
  ProgressEvaluation evaluate(
      String progressStatus,
      String report,
      String correctiveOutcome,
      Instant receivedAt,
      Instant resolutionDueAt,
      BusinessCalendar calendar,
      Duration paused,
      Instant atRiskFrom) {
    int consumed = slaClock.consumedPercent(receivedAt, resolutionDueAt, calendar, paused);
    String sla = consumed + " % of the resolution time used, due " + resolutionDueAt + ".";
    if (!PROGRESS_ISSUE.equals(progressStatus)) {
      return new ProgressEvaluation(false, consumed, "Reported done; " + sla);
    }
    if (CORRECTIVE_RESOLVED.equals(correctiveOutcome)) {
      return new ProgressEvaluation(false, consumed, "Issue resolved by corrective action; " + sla);
    }
    boolean atRisk = atRiskFrom == null ? consumed >= AT_RISK_PERCENT : !clock.instant().isBefore(atRiskFrom);
    String risk = atRisk ? " The SLA is at risk." : "";
    return new ProgressEvaluation(true, consumed, "Issue or delay reported: " + report + "\n" + sla + risk);
  }
}
