package io.servicedelivery.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomatedQualityChecksTest {

  private static final List<String> CHECKLIST = List.of("Fault diagnosed", "Part replaced", "Tested with the user");
  private final AutomatedQualityChecks checks = new AutomatedQualityChecks();

  @Test
  void completeWorkPasses() {
    QualityCheckResult result = checks.run(evidence(CHECKLIST, true, "Replaced the fan, ran a stress test", "2.5"));

    assertThat(result.passed()).isTrue();
    assertThat(result.summary()).isEqualTo("All automated checks passed.");
  }

  @Test
  void everyShortcomingBecomesAFinding() {
    QualityCheckResult result = checks.run(evidence(CHECKLIST.subList(0, 1), false, "done", "0"));

    assertThat(result.passed()).isFalse();
    assertThat(result.findings())
        .containsExactly(
            "Checklist item not confirmed: Part replaced",
            "Checklist item not confirmed: Tested with the user",
            "The work is not reported as done.",
            "The completion report is missing or too short to tell what was done.",
            "No effort is recorded.");
  }

  @Test
  void effortFarAboveTheStandardIsFlagged() {
    assertThat(checks.run(evidence(CHECKLIST, true, "Replaced the fan, ran a stress test", "6")).passed()).isTrue();
    assertThat(checks.run(evidence(CHECKLIST, true, "Replaced the fan, ran a stress test", "6.5")).findings())
        .containsExactly("The effort of 6.5 h is more than 3 times the standard effort of 2 h.");
  }

  private static QualityEvidence evidence(List<String> confirmed, boolean done, String report, String effort) {
    return new QualityEvidence(CHECKLIST, confirmed, done, report, new BigDecimal(effort), new BigDecimal("2.00"));
  }
}
