package io.servicedelivery.quality;

/** The outcome of one automated check, with the reason the QA lead reads. */
public record QualityCheckResult(String check, CheckOutcome outcome, String reason) {

  /** One line of the summary shown in the review form, e.g. "FAIL Work report: No report". */
  public String line() {
    return outcome + " " + check + ": " + reason;
  }
}
