package io.servicedelivery.catalog;

import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a service of the catalog with everything needed to accept, plan, execute and check a request for
 * it. The version is effective from {@code effectiveFrom} until a version with a later start takes over. Every item
 * of the checklist must be confirmed before the work counts as done, except those named in {@code
 * optionalChecklistItems}; the effort of a delivery may lie {@code effortTolerancePercent} percent above or below the
 * standard effort.
 */
public record ServiceDefinition(
    String code,
    int version,
    Instant effectiveFrom,
    String name,
    String description,
    String requiredSkill,
    BigDecimal standardEffortHours,
    int effortTolerancePercent,
    BigDecimal costRatePerHour,
    String currency,
    List<RequestType> requestTypes,
    List<String> checklist,
    List<String> optionalChecklistItems,
    List<SlaTarget> slaTargets) {

  /** The tolerance of a version that does not name its own: half the standard effort either way. */
  public static final int DEFAULT_EFFORT_TOLERANCE_PERCENT = 50;

  public Optional<RequestType> requestType(String code) {
    return requestTypes.stream().filter(type -> type.code().equals(code)).findFirst();
  }

  public Optional<SlaTarget> slaFor(Priority priority) {
    return slaTargets.stream().filter(target -> target.priority() == priority).findFirst();
  }
}
