package io.servicedelivery.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a service of the catalog with everything needed to accept, plan, execute and check a request for
 * it. The version is effective from {@code effectiveFrom} until a version with a later start takes over.
 */
public record ServiceDefinition(
    String code,
    int version,
    Instant effectiveFrom,
    String name,
    String description,
    String requiredSkill,
    BigDecimal standardEffortHours,
    BigDecimal costRatePerHour,
    String currency,
    List<RequestType> requestTypes,
    List<String> checklist,
    List<SlaTarget> slaTargets) {

  public Optional<RequestType> requestType(String code) {
    return requestTypes.stream().filter(type -> type.code().equals(code)).findFirst();
  }

  public Optional<SlaTarget> slaFor(Priority priority) {
    return slaTargets.stream().filter(target -> target.priority() == priority).findFirst();
  }
}
