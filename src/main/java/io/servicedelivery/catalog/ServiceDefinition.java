package io.servicedelivery.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A service of the catalog with everything needed to accept, plan, execute and check a request for it. */
public record ServiceDefinition(
    String code,
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
