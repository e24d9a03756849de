package io.servicedelivery.catalog;

import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import io.servicedelivery.sla.SlaTerms;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The difference between a version of a service and a proposed definition, in words a reviewer reads at a glance,
 * e.g. "SLA High resolution: 480 → 360 minutes", "SLA Medium resolution calendar: 24X7 → OFFICE_BERLIN" or
 * "Checklist: + Backup verified".
 */
final class CatalogDiff {

  static final String NEW_SERVICE = "New service";
  static final String NO_CHANGE = "No change";

  private CatalogDiff() {}

  static List<String> describe(Optional<ServiceDefinition> base, ServiceDefinition proposed) {
    return base.map(existing -> changes(existing, proposed)).orElseGet(() -> newService(proposed));
  }

  private static List<String> newService(ServiceDefinition service) {
    List<String> lines = new ArrayList<>();
    lines.add(NEW_SERVICE);
    lines.add("Name: " + oneLine(service.name()));
    lines.add("Description: " + oneLine(service.description()));
    lines.add("Required skill: " + oneLine(service.requiredSkill()));
    lines.add("Standard effort: " + decimal(service.standardEffortHours()) + " hours");
    lines.add("Cost rate: " + rate(service.costRatePerHour(), service.currency()));
    service.requestTypes().forEach(type -> lines.add("Request type: + " + requestType(type)));
    service.checklist().forEach(item -> lines.add("Checklist: + " + oneLine(item)));
    service.optionalChecklistItems().forEach(item -> lines.add("Checklist: " + oneLine(item) + " optional"));
    service.slaTargets().forEach(target -> lines.add("SLA " + target.priority().label() + ": " + sla(target)));
    return lines;
  }

  private static List<String> changes(ServiceDefinition base, ServiceDefinition proposed) {
    List<String> lines = new ArrayList<>();
    text(lines, "Name", base.name(), proposed.name());
    text(lines, "Description", base.description(), proposed.description());
    text(lines, "Required skill", base.requiredSkill(), proposed.requiredSkill());
    if (base.standardEffortHours().compareTo(proposed.standardEffortHours()) != 0) {
      lines.add(
          "Standard effort: " + decimal(base.standardEffortHours()) + " → "
              + decimal(proposed.standardEffortHours()) + " hours");
    }
    if (base.effortTolerancePercent() != proposed.effortTolerancePercent()) {
      lines.add(
          "Effort tolerance: " + base.effortTolerancePercent() + " → " + proposed.effortTolerancePercent() + " %");
    }
    boolean sameCurrency = base.currency().equals(proposed.currency());
    if (base.costRatePerHour().compareTo(proposed.costRatePerHour()) != 0 || !sameCurrency) {
      lines.add(
          sameCurrency
              ? "Cost rate: " + decimal(base.costRatePerHour()) + " → " + rate(proposed.costRatePerHour(),
                  proposed.currency())
              : "Cost rate: " + rate(base.costRatePerHour(), base.currency()) + " → "
                  + rate(proposed.costRatePerHour(), proposed.currency()));
    }
    requestTypes(lines, base.requestTypes(), proposed.requestTypes());
    checklist(lines, base.checklist(), proposed.checklist());
    optionalItems(lines, base, proposed);
    slaTargets(lines, base.slaTargets(), proposed.slaTargets());
    if (lines.isEmpty()) {
      lines.add(NO_CHANGE);
    }
    return lines;
  }

  /** Items kept in the checklist whose obligation changed; added and removed items are lines of their own. */
  private static void optionalItems(List<String> lines, ServiceDefinition base, ServiceDefinition proposed) {
    for (String item : proposed.checklist()) {
      boolean wasOptional = base.optionalChecklistItems().contains(item);
      boolean isOptional = proposed.optionalChecklistItems().contains(item);
      if (base.checklist().contains(item) && wasOptional != isOptional) {
        lines.add("Checklist: " + oneLine(item) + (isOptional ? " mandatory → optional" : " optional → mandatory"));
      } else if (!base.checklist().contains(item) && isOptional) {
        lines.add("Checklist: " + oneLine(item) + " optional");
      }
    }
  }

  private static void requestTypes(List<String> lines, List<RequestType> base, List<RequestType> proposed) {
    Map<String, RequestType> before = byKey(base, RequestType::code);
    Map<String, RequestType> after = byKey(proposed, RequestType::code);
    before.values().stream()
        .filter(type -> !after.containsKey(type.code()))
        .forEach(type -> lines.add("Request type: - " + requestType(type)));
    for (RequestType type : proposed) {
      RequestType old = before.get(type.code());
      if (old == null) {
        lines.add("Request type: + " + requestType(type));
      } else if (!old.name().equals(type.name())) {
        lines.add(
            "Request type " + type.code() + ": \"" + oneLine(old.name()) + "\" → \"" + oneLine(type.name()) + "\"");
      }
    }
  }

  private static void checklist(List<String> lines, List<String> base, List<String> proposed) {
    base.stream()
        .filter(item -> !proposed.contains(item))
        .forEach(item -> lines.add("Checklist: - " + oneLine(item)));
    proposed.stream()
        .filter(item -> !base.contains(item))
        .forEach(item -> lines.add("Checklist: + " + oneLine(item)));
    List<String> keptBefore = base.stream().filter(proposed::contains).toList();
    List<String> keptAfter = proposed.stream().filter(base::contains).toList();
    if (!keptBefore.equals(keptAfter)) {
      lines.add("Checklist: new order");
    }
  }

  private static void slaTargets(List<String> lines, List<SlaTarget> base, List<SlaTarget> proposed) {
    Map<Priority, SlaTarget> before = byKey(base, SlaTarget::priority);
    for (SlaTarget target : proposed) {
      SlaTarget old = before.get(target.priority());
      if (old == null) {
        lines.add("SLA " + target.priority().label() + ": + " + sla(target));
        continue;
      }
      if (old.responseMinutes() != target.responseMinutes()) {
        lines.add(
            "SLA " + target.priority().label() + " response: " + old.responseMinutes() + " → " + target.responseMinutes()
                + " minutes");
      }
      if (old.resolutionMinutes() != target.resolutionMinutes()) {
        lines.add(
            "SLA " + target.priority().label() + " resolution: " + old.resolutionMinutes() + " → "
                + target.resolutionMinutes() + " minutes");
      }
      if (!old.responseCalendar().equals(target.responseCalendar())) {
        lines.add(
            "SLA " + target.priority().label() + " response calendar: " + old.responseCalendar() + " → "
                + target.responseCalendar());
      }
      if (!old.resolutionCalendar().equals(target.resolutionCalendar())) {
        lines.add(
            "SLA " + target.priority().label() + " resolution calendar: " + old.resolutionCalendar() + " → "
                + target.resolutionCalendar());
      }
      if (!old.warningPercents().equals(target.warningPercents())) {
        lines.add(
            "SLA " + target.priority().label() + " warnings: " + percents(old.warningPercents()) + " → "
                + percents(target.warningPercents()));
      }
    }
  }

  /**
   * A target in one line: counted 24x7 and warning at 50/75/90 % unless it says otherwise, e.g. "response 240 minutes
   * (OFFICE_BERLIN), resolution 1440 minutes (OFFICE_BERLIN), warnings 60/80/95 %".
   */
  private static String sla(SlaTarget target) {
    String line =
        "response " + target.responseMinutes() + " minutes" + calendar(target.responseCalendar()) + ", resolution "
            + target.resolutionMinutes() + " minutes" + calendar(target.resolutionCalendar());
    return target.warningPercents().equals(SlaTerms.DEFAULT_WARNING_PERCENTS)
        ? line
        : line + ", warnings " + percents(target.warningPercents());
  }

  private static String calendar(String code) {
    return BusinessCalendar.TWENTY_FOUR_SEVEN.equals(code) ? "" : " (" + code + ")";
  }

  /** e.g. "50/75/90 %" */
  private static String percents(List<Integer> percents) {
    return percents.stream().map(String::valueOf).collect(Collectors.joining("/")) + " %";
  }

  private static void text(List<String> lines, String label, String base, String proposed) {
    if (!Objects.equals(base, proposed)) {
      lines.add(label + ": \"" + oneLine(base) + "\" → \"" + oneLine(proposed) + "\"");
    }
  }

  private static String requestType(RequestType type) {
    return type.code() + " (" + oneLine(type.name()) + ")";
  }

  /** Every change is one line of the summary, also when a text spans lines. */
  private static String oneLine(String text) {
    return text == null ? null : text.replaceAll("\\s*\\R\\s*", " ");
  }

  private static String rate(BigDecimal amount, String currency) {
    return decimal(amount) + " " + currency + "/h";
  }

  private static String decimal(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
    return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
