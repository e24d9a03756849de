package io.servicedelivery.sla;

/** Priority of a service request; each priority has its own SLA targets in the catalog. */
public enum Priority {
  CRITICAL("Critical"),
  HIGH("High"),
  MEDIUM("Medium"),
  LOW("Low");

  private final String label;

  Priority(String label) {
    this.label = label;
  }

  /** The priority as people read it. */
  public String label() {
    return label;
  }

  /** @return the priority named by {@code value} (case-insensitive), or null when there is none */
  public static Priority parse(String value) {
    if (value == null) {
      return null;
    }
    for (Priority priority : values()) {
      if (priority.name().equalsIgnoreCase(value.trim())) {
        return priority;
      }
    }
    return null;
  }
}
