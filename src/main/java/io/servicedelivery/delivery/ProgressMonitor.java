package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Values.CORRECTIVE_RESOLVED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Values.PROGRESS_ISSUE;

import io.servicedelivery.sla.SlaStanding;
import io.servicedelivery.sla.SlaState;
import org.springframework.stereotype.Service;

/**
 * Evaluates a progress report against the SLA: an issue or delay that no corrective action has resolved yet goes
 * to the operations managers, with how much of the resolution time is already used.
 */
@Service
public class ProgressMonitor {

  public ProgressEvaluation evaluate(
      String progressStatus, String report, String correctiveOutcome, SlaStanding sla, String resolutionDue) {
    String standing = sla.consumedPercent() + " % of the resolution time used, due " + resolutionDue + ".";
    if (!PROGRESS_ISSUE.equals(progressStatus)) {
      return new ProgressEvaluation(false, "Reported done; " + standing);
    }
    if (CORRECTIVE_RESOLVED.equals(correctiveOutcome)) {
      return new ProgressEvaluation(false, "Issue resolved by corrective action; " + standing);
    }
    String risk =
        switch (sla.state()) {
          case BREACHED -> " The SLA is breached.";
          case AT_RISK -> " The SLA is at risk.";
          default -> "";
        };
    return new ProgressEvaluation(true, "Issue or delay reported: " + report + "\n" + standing + risk);
  }
}
