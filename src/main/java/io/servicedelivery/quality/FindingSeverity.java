package io.servicedelivery.quality;

/** How bad a finding of the QA lead is; a major or critical one calls for a CAPA. */
public enum FindingSeverity {
  MINOR,
  MAJOR,
  CRITICAL;

  public boolean callsForCapa() {
    return this != MINOR;
  }
}
