package io.servicedelivery.quality;

/** Why a CAPA was opened, or why a request was linked to one. */
public enum CapaTrigger {
  MAJOR_FINDING("a major or critical finding"),
  REPEATED_FAILURE("a repeated quality failure"),
  MANUAL("opened by a QA lead");

  private final String label;

  CapaTrigger(String label) {
    this.label = label;
  }

  /** The trigger as people read it. */
  public String label() {
    return label;
  }
}
