package io.servicedelivery.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each automated check on its own: what it finds, and why, for each kind of delivery. */
class AutomatedQualityChecksTest {

  private static final List<String> CHECKLIST = List.of("Fault diagnosed", "Part replaced", "Work area clean");
  private static final List<String> OPTIONAL = List.of("Work area clean");
  private static final String REPORT = "Replaced the fan, ran a stress test";

  private final AutomatedQualityChecks checks = new AutomatedQualityChecks();

  @ParameterizedTest(name = "confirmed [{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Fault diagnosed;Part replaced;Work area clean | PASS | All 3 items confirmed",
        "Fault diagnosed;Part replaced                 | WARN | Optional items not confirmed: Work area clean",
        "Fault diagnosed;Work area clean               | FAIL | Mandatory items not confirmed: Part replaced",
        "''                                            | FAIL | Mandatory items not confirmed: Fault diagnosed; Part replaced",
      })
  void mandatoryItemsMustBeConfirmedOptionalOnesMayStayOpen(String confirmed, CheckOutcome outcome, String reason) {
    List<String> items = confirmed.isEmpty() ? List.of() : Arrays.asList(confirmed.split(";"));

    assertThat(check(evidence(items, "DONE", REPORT, "2"), AutomatedQualityChecks.CHECKLIST))
        .isEqualTo(new QualityCheckResult(AutomatedQualityChecks.CHECKLIST, outcome, reason));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DONE                 | PASS | Reported as done",
        "ISSUE                | FAIL | Reported as ISSUE, not as done",
        "WAITING_FOR_CUSTOMER | FAIL | Reported as WAITING_FOR_CUSTOMER, not as done",
      })
  void theWorkMustBeReportedDone(String status, CheckOutcome outcome, String reason) {
    assertThat(check(evidence(CHECKLIST, status, REPORT, "2"), AutomatedQualityChecks.WORK_DONE))
        .isEqualTo(new QualityCheckResult(AutomatedQualityChecks.WORK_DONE, outcome, reason));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "Replaced the fan, ran a stress test | PASS | Report present",
        "Replaced the fan                    | WARN | Only 16 characters, too short to tell what was done",
        "'   '                               | FAIL | No report of the work",
        "NULL                                | FAIL | No report of the work",
      })
  void aReportMustSayWhatWasDone(String report, CheckOutcome outcome, String reason) {
    assertThat(check(evidence(CHECKLIST, "DONE", report, "2"), AutomatedQualityChecks.WORK_REPORT))
        .isEqualTo(new QualityCheckResult(AutomatedQualityChecks.WORK_REPORT, outcome, reason));
  }

  /** The standard effort is 2 h with a tolerance of 50 %: 1 to 3 h pass. */
  @ParameterizedTest(name = "{0} h -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "2    | PASS | Within the tolerance: 2 h against the standard of 2 h ± 50 %",
        "3    | PASS | Within the tolerance: 3 h against the standard of 2 h ± 50 %",
        "1    | PASS | Within the tolerance: 1 h against the standard of 2 h ± 50 %",
        "3.25 | WARN | Above the tolerance: 3.25 h against the standard of 2 h ± 50 %",
        "0.75 | WARN | Below the tolerance: 0.75 h against the standard of 2 h ± 50 %",
        "0    | FAIL | No effort recorded",
        "NULL | FAIL | No effort recorded",
      })
  void theEffortMustLieWithinTheToleranceAboveAndBelowTheStandard(
      String effort, CheckOutcome outcome, String reason) {
    assertThat(check(evidence(CHECKLIST, "DONE", REPORT, effort), AutomatedQualityChecks.EFFORT))
        .isEqualTo(new QualityCheckResult(AutomatedQualityChecks.EFFORT, outcome, reason));
  }

  @Test
  void warningsPassFailuresDoNotAndTheSummaryHasALinePerCheck() {
    QualityCheckReport warned = checks.run(evidence(CHECKLIST.subList(0, 2), "DONE", REPORT, "3.5"));
    QualityCheckReport failed = checks.run(evidence(CHECKLIST, "ISSUE", REPORT, "2"));

    assertThat(warned.passed()).isTrue();
    assertThat(warned.summary())
        .isEqualTo(
            """
            WARN Checklist: Optional items not confirmed: Work area clean
            PASS Work done: Reported as done
            PASS Work report: Report present
            WARN Effort: Above the tolerance: 3.5 h against the standard of 2 h ± 50 %""");
    assertThat(failed.passed()).isFalse();
  }

  private QualityCheckResult check(QualityEvidence evidence, String name) {
    return checks.run(evidence).results().stream().filter(result -> result.check().equals(name)).findFirst().orElseThrow();
  }

  private static QualityEvidence evidence(List<String> confirmed, String status, String report, String effort) {
    return new QualityEvidence(
        CHECKLIST, OPTIONAL, confirmed, status, report, effort == null ? null : new BigDecimal(effort),
        new BigDecimal("2.00"), 50);
  }
}
