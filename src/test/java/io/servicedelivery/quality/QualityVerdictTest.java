package io.servicedelivery.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict as the review form (or any other client) submits it, checked on the server. */
class QualityVerdictTest {

  @Test
  void aPassNeedsNothingElse() {
    assertThat(QualityVerdict.of("PASSED", null, null)).isEqualTo(new QualityVerdict(true, List.of(), null));
  }

  @Test
  void aFailureHasAFindingPerNonBlankLineAllOfTheChosenSeverity() {
    assertThat(QualityVerdict.of("FAILED", " Wrong licence \n\n  Not tested with the user", "MAJOR"))
        .isEqualTo(
            new QualityVerdict(false, List.of("Wrong licence", "Not tested with the user"), FindingSeverity.MAJOR));
  }

  @ParameterizedTest(name = "{0} / \"{1}\" / {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "FAILED | NULL          | MINOR  | A failed quality review needs at least one finding",
        "FAILED | '  \n  '      | MINOR  | A failed quality review needs at least one finding",
        "FAILED | Wrong licence | NULL   | A failed quality review needs the severity of its findings",
        "FAILED | Wrong licence | SEVERE | A failed quality review needs the severity of its findings",
        "NULL   | NULL          | NULL   | The quality verdict must be PASSED or FAILED",
        "MAYBE  | Wrong licence | MINOR  | The quality verdict must be PASSED or FAILED",
      })
  void anIncompleteVerdictIsRefusedWithTheReason(String verdict, String findings, String severity, String reason) {
    assertThatThrownBy(() -> QualityVerdict.of(verdict, findings, severity))
        .isInstanceOf(InvalidVerdictException.class)
        .hasMessageStartingWith(reason);
  }
}
