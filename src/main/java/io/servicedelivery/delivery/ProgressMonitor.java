package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Values.CORRECTIVE_RESOLVED;
import static io.servicedelivery.delivery.ProcessConstants.Values.PROGRESS_ISSUE;

import io.servicedelivery.sla.SlaClock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Evaluates a progress report against the SLA: an issue or delay that no corrective action has resolved yet goes
 * to the operations managers, with how much of the resolution time is already used.
 */
@Service
class ProgressMonitor {

  static final int AT_RISK_PERCENT = 75;

  private final SlaClock slaClock;

  ProgressMonitor(SlaClock slaClock) {
    this.slaClock = slaClock;
  }

  ProgressEvaluation evaluate(
      String progressStatus, String report, String correctiveOutcome, Instant receivedAt, Instant resolutionDueAt) {
    int consumed = slaClock.consumedPercent(receivedAt, resolutionDueAt);
    String sla = consumed + " % of the resolution time used, due " + resolutionDueAt + ".";
    if (!PROGRESS_ISSUE.equals(progressStatus)) {
      return new ProgressEvaluation(false, consumed, "Reported done; " + sla);
    }
    if (CORRECTIVE_RESOLVED.equals(correctiveOutcome)) {
      return new ProgressEvaluation(false, consumed, "Issue resolved by corrective action; " + sla);
    }
    String risk = consumed >= AT_RISK_PERCENT ? " The SLA is at risk." : "";
    return new ProgressEvaluation(true, consumed, "Issue or delay reported: " + report + "\n" + sla + risk);
  }
}
