package io.servicedelivery.quality;

/** What an automated check found: fine, worth a look by the QA lead, or not acceptable as delivered. */
public enum CheckOutcome {
  PASS,
  WARN,
  FAIL
}
