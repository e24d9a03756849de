package io.servicedelivery.quality;

import java.util.List;
import java.util.stream.Collectors;

/** The results of all automated checks of a review round, in the order they ran; passed unless one failed. */
public record QualityCheckReport(List<QualityCheckResult> results) {

  public QualityCheckReport {
    results = List.copyOf(results);
  }

  public boolean passed() {
    return results.stream().noneMatch(result -> result.outcome() == CheckOutcome.FAIL);
  }

  public String summary() {
    return results.stream().map(QualityCheckResult::line).collect(Collectors.joining("\n"));
  }
}
