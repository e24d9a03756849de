package io.servicedelivery.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The checks a machine can do before the QA lead looks: every checklist item of the service confirmed, the work
 * reported as done with a report that says what was done, and the effort recorded and plausible.
 */
@Service
public class AutomatedQualityChecks {

  static final int MIN_REPORT_LENGTH = 20;
  static final BigDecimal EFFORT_TOLERANCE = BigDecimal.valueOf(3);

  public QualityCheckResult run(QualityEvidence evidence) {
    List<String> findings = new ArrayList<>();
    for (String item : evidence.checklist()) {
      if (!evidence.confirmedItems().contains(item)) {
        findings.add("Checklist item not confirmed: " + item);
      }
    }
    if (!evidence.reportedDone()) {
      findings.add("The work is not reported as done.");
    }
    if (evidence.report() == null || evidence.report().strip().length() < MIN_REPORT_LENGTH) {
      findings.add("The completion report is missing or too short to tell what was done.");
    }
    BigDecimal effort = evidence.effortHours();
    if (effort == null || effort.signum() <= 0) {
      findings.add("No effort is recorded.");
    } else if (effort.compareTo(evidence.standardEffortHours().multiply(EFFORT_TOLERANCE)) > 0) {
      findings.add(
          "The effort of " + effort.stripTrailingZeros().toPlainString() + " h is more than "
              + EFFORT_TOLERANCE + " times the standard effort of "
              + evidence.standardEffortHours().stripTrailingZeros().toPlainString() + " h.");
    }
    return new QualityCheckResult(findings);
  }
}
