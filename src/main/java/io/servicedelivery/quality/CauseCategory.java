package io.servicedelivery.quality;

/**
 * Where the root cause of a CAPA lies; the values of the select of {@code forms/analyse-root-cause.form} and of the
 * column {@code capa.cause_category}, with the labels the form shows.
 */
public enum CauseCategory {
  PEOPLE("People (skills, training, workload)"),
  PROCESS("Process (steps, handovers)"),
  TOOLS("Tools and systems"),
  SUPPLIER("Supplier"),
  CATALOG("Service catalog (checklist, standard effort)"),
  OTHER("Other");

  private final String label;

  CauseCategory(String label) {
    this.label = label;
  }

  /** The category as people read it. */
  public String label() {
    return label;
  }

  /** @return the label of the category with that code; the code itself when there is none, empty for none */
  public static String labelOf(String code) {
    if (code == null) {
      return "";
    }
    for (CauseCategory category : values()) {
      if (category.name().equals(code)) {
        return category.label;
      }
    }
    return code;
  }
}
