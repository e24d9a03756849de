package io.servicedelivery.quality;

/** How bad a finding of the QA lead is; a major or critical one calls for a CAPA. */
public enum FindingSeverity {
  MINOR("Minor"),
  MAJOR("Major"),
  CRITICAL("Critical");

  private final String label;

  FindingSeverity(String label) {
    this.label = label;
  }

  /** The severity as people read it. */
  public String label() {
    return label;
  }

  public boolean callsForCapa() {
    return this != MINOR;
  }
}
