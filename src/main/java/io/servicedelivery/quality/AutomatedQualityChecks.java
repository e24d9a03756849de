package io.servicedelivery.quality;

import static io.servicedelivery.quality.CheckOutcome.FAIL;
import static io.servicedelivery.quality.CheckOutcome.PASS;
import static io.servicedelivery.quality.CheckOutcome.WARN;

import io.servicedelivery.quality.QualityControlProcess.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The checks a machine can do before the QA lead looks: every mandatory checklist item confirmed, the work reported
 * as done, a report that says what was done, and an effort within the service's tolerance of the standard effort.
 */
@Service
public class AutomatedQualityChecks {

  static final String CHECKLIST = "Checklist";
  static final String WORK_DONE = "Work done";
  static final String WORK_REPORT = "Work report";
  static final String EFFORT = "Effort";
  static final int MIN_REPORT_LENGTH = 20;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public QualityCheckReport run(QualityEvidence evidence) {
    return new QualityCheckReport(
        List.of(checklist(evidence), workDone(evidence), workReport(evidence), effort(evidence)));
  }

  private static QualityCheckResult checklist(QualityEvidence evidence) {
    List<String> open = evidence.checklist().stream().filter(item -> !evidence.confirmedItems().contains(item)).toList();
    List<String> mandatoryOpen = open.stream().filter(item -> !evidence.optionalItems().contains(item)).toList();
    if (!mandatoryOpen.isEmpty()) {
      return new QualityCheckResult(CHECKLIST, FAIL, "Mandatory items not confirmed: " + String.join("; ", mandatoryOpen));
    }
    if (!open.isEmpty()) {
      return new QualityCheckResult(CHECKLIST, WARN, "Optional items not confirmed: " + String.join("; ", open));
    }
    return new QualityCheckResult(CHECKLIST, PASS, "All " + evidence.checklist().size() + " items confirmed");
  }

  private static QualityCheckResult workDone(QualityEvidence evidence) {
    return Values.PROGRESS_DONE.equals(evidence.progressStatus())
        ? new QualityCheckResult(WORK_DONE, PASS, "Reported as done")
        : new QualityCheckResult(WORK_DONE, FAIL, "Reported as " + evidence.progressStatus() + ", not as done");
  }

  private static QualityCheckResult workReport(QualityEvidence evidence) {
    String report = evidence.report() == null ? "" : evidence.report().strip();
    if (report.isEmpty()) {
      return new QualityCheckResult(WORK_REPORT, FAIL, "No report of the work");
    }
    if (report.length() < MIN_REPORT_LENGTH) {
      return new QualityCheckResult(
          WORK_REPORT, WARN, "Only " + report.length() + " characters, too short to tell what was done");
    }
    return new QualityCheckResult(WORK_REPORT, PASS, "Report present");
  }

  private static QualityCheckResult effort(QualityEvidence evidence) {
    BigDecimal effort = evidence.effortHours();
    if (effort == null || effort.signum() <= 0) {
      return new QualityCheckResult(EFFORT, FAIL, "No effort recorded");
    }
    BigDecimal standard = evidence.standardEffortHours();
    BigDecimal margin =
        standard.multiply(BigDecimal.valueOf(evidence.effortTolerancePercent())).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    String against =
        hours(effort) + " against the standard of " + hours(standard) + " ± " + evidence.effortTolerancePercent() + " %";
    if (effort.compareTo(standard.add(margin)) > 0) {
      return new QualityCheckResult(EFFORT, WARN, "Above the tolerance: " + against);
    }
    if (effort.compareTo(standard.subtract(margin)) < 0) {
      return new QualityCheckResult(EFFORT, WARN, "Below the tolerance: " + against);
    }
    return new QualityCheckResult(EFFORT, PASS, "Within the tolerance: " + against);
  }

  private static String hours(BigDecimal hours) {
    return hours.stripTrailingZeros().toPlainString() + " h";
  }
}
