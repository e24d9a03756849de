package io.servicedelivery.catalog;

import io.servicedelivery.catalog.CatalogChangeProposal.RequestTypeProposal;
import io.servicedelivery.catalog.CatalogChangeProposal.SlaTargetProposal;
import io.servicedelivery.sla.ConsistentCalendarValidator;
import io.servicedelivery.sla.Priority;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks {@link ConsistentDefinition}; missing values are left to the field constraints. */
class ConsistentDefinitionValidator implements ConstraintValidator<ConsistentDefinition, CatalogChangeProposal> {

  @Override
  public boolean isValid(CatalogChangeProposal proposal, ConstraintValidatorContext context) {
    if (proposal == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    boolean valid = unique(proposal.requestTypes(), RequestTypeProposal::code, "requestTypes", "code", context);
    valid &= unique(proposal.checklist(), Function.identity(), "checklist", "item", context);
    valid &= unique(proposal.optionalChecklistItems(), Function.identity(), "optionalChecklistItems", "item", context);
    valid &= optionalItemsOfTheChecklist(proposal, context);
    valid &= onePerPriority(proposal.slaTargets(), context);
    valid &= resolutionAfterResponse(proposal.slaTargets(), context);
    valid &= warningsAscending(proposal.slaTargets(), context);
    return valid;
  }

  private static <T> boolean unique(
      List<T> elements, Function<T, String> key, String field, String what, ConstraintValidatorContext context) {
    if (elements == null) {
      return true;
    }
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    elements.stream()
        .filter(Objects::nonNull)
        .map(key)
        .filter(Objects::nonNull)
        .forEach(value -> {
          if (!seen.add(value)) {
            duplicates.add(value);
          }
        });
    duplicates.forEach(
        duplicate -> violation(context, "must not contain the " + what + " '" + duplicate + "' more than once", field));
    return duplicates.isEmpty();
  }

  private static boolean optionalItemsOfTheChecklist(
      CatalogChangeProposal proposal, ConstraintValidatorContext context) {
    if (proposal.checklist() == null) {
      return true;
    }
    List<String> strangers =
        proposal.optionalChecklistItems().stream()
            .filter(item -> item != null && !proposal.checklist().contains(item))
            .distinct()
            .toList();
    strangers.forEach(
        item -> violation(context, "must name items of the checklist; '" + item + "' is not one",
            "optionalChecklistItems"));
    return strangers.isEmpty();
  }

  private static boolean onePerPriority(List<SlaTargetProposal> targets, ConstraintValidatorContext context) {
    if (targets == null) {
      return true;
    }
    Map<Priority, Long> counts =
        targets.stream()
            .filter(target -> target != null && target.priority() != null)
            .collect(Collectors.groupingBy(SlaTargetProposal::priority, () -> new EnumMap<>(Priority.class),
                Collectors.counting()));
    List<String> missing =
        Arrays.stream(Priority.values()).filter(p -> !counts.containsKey(p)).map(Enum::name).toList();
    List<String> repeated =
        counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey().name()).toList();
    if (!missing.isEmpty()) {
      violation(
          context, "must have a target for each priority CRITICAL, HIGH, MEDIUM, LOW; missing: "
              + String.join(", ", missing), "slaTargets");
    }
    if (!repeated.isEmpty()) {
      violation(context, "must have one target per priority; more than one for: " + String.join(", ", repeated),
          "slaTargets");
    }
    return missing.isEmpty() && repeated.isEmpty();
  }

  private static boolean resolutionAfterResponse(List<SlaTargetProposal> targets, ConstraintValidatorContext context) {
    if (targets == null) {
      return true;
    }
    boolean valid = true;
    for (int index = 0; index < targets.size(); index++) {
      SlaTargetProposal target = targets.get(index);
      if (target != null
          && target.responseMinutes() != null
          && target.resolutionMinutes() != null
          && target.resolutionMinutes() <= target.responseMinutes()) {
        context
            .buildConstraintViolationWithTemplate(
                "must be greater than the response time of " + target.responseMinutes() + " minutes")
            .addPropertyNode("slaTargets")
            .addPropertyNode("resolutionMinutes")
            .inIterable()
            .atIndex(index)
            .addConstraintViolation();
        valid = false;
      }
    }
    return valid;
  }

  /** Whether each target's thresholds ascend; their number and range are left to the field constraints. */
  private static boolean warningsAscending(List<SlaTargetProposal> targets, ConstraintValidatorContext context) {
    if (targets == null) {
      return true;
    }
    boolean valid = true;
    for (int index = 0; index < targets.size(); index++) {
      SlaTargetProposal target = targets.get(index);
      if (target != null && target.warningPercents().stream().noneMatch(Objects::isNull)
          && !ascending(target.warningPercents())) {
        context
            .buildConstraintViolationWithTemplate("must ascend: each threshold above the one before")
            .addPropertyNode("slaTargets")
            .addPropertyNode("warningPercents")
            .inIterable()
            .atIndex(index)
            .addConstraintViolation();
        valid = false;
      }
    }
    return valid;
  }

  private static boolean ascending(List<Integer> percents) {
    for (int index = 1; index < percents.size(); index++) {
      if (percents.get(index) <= percents.get(index - 1)) {
        return false;
      }
    }
    return true;
  }

  private static void violation(ConstraintValidatorContext context, String message, String field) {
    context
        .buildConstraintViolationWithTemplate(ConsistentCalendarValidator.escape(message))
        .addPropertyNode(field)
        .addConstraintViolation();
  }
}
