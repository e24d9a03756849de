package io.servicedelivery.quality;

import io.servicedelivery.quality.QualityControlProcess.Values;
import java.util.Arrays;
import java.util.List;

/**
 * The QA lead's verdict on a review round as the review form submits it: PASSED or FAILED, and for a failure the
 * findings, one a line, all of the chosen severity. Checked here as well as in the form, since the form is not the
 * only way to complete the task (REST API, Cockpit).
 */
public record QualityVerdict(boolean passed, List<String> findings, FindingSeverity severity) {

  public static QualityVerdict of(String verdict, String findingsText, String severity) {
    if (Values.QUALITY_PASSED.equals(verdict)) {
      return new QualityVerdict(true, List.of(), null);
    }
    if (!Values.QUALITY_FAILED.equals(verdict)) {
      throw new InvalidVerdictException("The quality verdict must be PASSED or FAILED, not " + verdict + ".");
    }
    List<String> findings =
        findingsText == null
            ? List.of()
            : findingsText.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (findings.isEmpty()) {
      throw new InvalidVerdictException("A failed quality review needs at least one finding: say what must be fixed.");
    }
    if (Arrays.stream(FindingSeverity.values()).noneMatch(value -> value.name().equals(severity))) {
      throw new InvalidVerdictException(
          "A failed quality review needs the severity of its findings: MINOR, MAJOR or CRITICAL, not " + severity + ".");
    }
    return new QualityVerdict(false, findings, FindingSeverity.valueOf(severity));
  }
}
