package io.servicedelivery.quality;

import java.util.List;

/** The findings of the automated checks; none means every check passed. */
public record QualityCheckResult(List<String> findings) {

  public boolean passed() {
    return findings.isEmpty();
  }

  public String summary() {
    return passed() ? "All automated checks passed." : String.join("\n", findings);
  }
}
