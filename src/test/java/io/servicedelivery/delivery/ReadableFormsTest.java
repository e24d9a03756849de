package io.servicedelivery.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forms of service-delivery and resource-allocation show staff what they read without guessing: a heading naming
 * the request, its priority and its due time; dates, priorities and people as the display variables give them (never
 * the raw date, code or user id); read-only numbers without spinners; people chosen from a list.
 */
class ReadableFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** what a read-only field must not show: dates as the engine keeps them, codes, user ids */
  private static final Set<String> RAW =
      Set.of(
          ServiceDeliveryProcess.Variables.PRIORITY,
          ServiceDeliveryProcess.Variables.RESPONSE_DUE_AT,
          ServiceDeliveryProcess.Variables.RESOLUTION_DUE_AT,
          ServiceDeliveryProcess.Variables.PLANNED_START,
          ServiceDeliveryProcess.Variables.PLANNED_COMPLETION,
          ServiceDeliveryProcess.Variables.PLANNED_AT,
          ServiceDeliveryProcess.Variables.SLA_CHECKED_AT,
          ServiceDeliveryProcess.Variables.CUSTOMER_ANSWER_DUE_AT,
          ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE,
          ResourceAllocationProcess.Variables.PREFERRED_RESOURCE);

  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plan-delivery", "execute-service-activities", "take-corrective-action", "handle-sla-breach",
        "replan-resources", "resolve-resource-shortage"
      })
  void showsTheRequestItsPriorityAndItsDueTimeAsPeopleReadThem(String form) throws IOException {
    List<JsonNode> components = components(form);

    JsonNode heading = components.get(0);
    assertThat(heading.path("type").asText()).as(form + " starts with a text").isEqualTo("text");
    assertThat(heading.path("text").asText())
        .as(form + " heading")
        .contains("{{requestId}}", "{{title}}", "{{priorityLabel}}", "{{resolutionDueText}}");
    for (JsonNode component : components) {
      String what = form + " " + component.path("id").asText();
      if (component.path("disabled").asBoolean()) {
        assertThat(component.path("key").asText()).as(what).isNotIn(RAW);
        assertThat(component.path("type").asText()).as(what + ": a read-only number has no spinner")
            .isNotEqualTo("number");
      }
      Matcher used = TEMPLATE_VARIABLE.matcher(component.path("text").asText());
      while (used.find()) {
        assertThat(used.group(1)).as(what + " shows a variable the processes name").isIn(declaredVariables());
      }
    }
  }

  @Test
  void planDeliveryTakesWallClockTimesOfTheCalendarWhateverTheBrowsersZone() throws IOException {
    List<JsonNode> dates =
        components("plan-delivery").stream().filter(c -> c.path("type").asText().equals("datetime")).toList();

    assertThat(dates).extracting(c -> c.path("key").asText())
        .containsExactly(
            ServiceDeliveryProcess.Variables.PLANNED_START, ServiceDeliveryProcess.Variables.PLANNED_COMPLETION);
    assertThat(dates).allSatisfy(date -> {
      assertThat(date.path("subtype").asText()).isEqualTo("datetime");
      assertThat(date.path("timeSerializingFormat").asText()).isEqualTo("no_timezone");
    });
    assertThat(components("plan-delivery"))
        .anySatisfy(text -> assertThat(text.path("text").asText()).contains("{{planTimeZoneText}}"));
  }

  @Test
  void theResourceAnalystChoosesAPersonFromTheSkilledStaffNeverTypesAUserId() throws IOException {
    JsonNode person =
        components("replan-resources").stream()
            .filter(c -> c.path("key").asText().equals(ResourceAllocationProcess.Variables.PREFERRED_RESOURCE))
            .findFirst()
            .orElseThrow();

    assertThat(person.path("type").asText()).isEqualTo("select");
    assertThat(person.path("valuesKey").asText()).isEqualTo(ResourceAllocationProcess.Variables.SKILLED_STAFF);
    assertThat(person.path("label").asText()).doesNotContainIgnoringCase("user id");
  }

  private static List<JsonNode> components(String form) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    collect(JSON.readTree(Path.of("forms", form + ".form").toFile()).path("components"), all);
    return all;
  }

  private static void collect(JsonNode components, List<JsonNode> all) {
    for (JsonNode component : components) {
      all.add(component);
      collect(component.path("components"), all);
    }
  }

  private static Set<String> declaredVariables() {
    Set<String> names = new HashSet<>();
    Stream.of(ServiceDeliveryProcess.Variables.class, ResourceAllocationProcess.Variables.class)
        .flatMap(constants -> Stream.of(constants.getDeclaredFields()))
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .forEach(field -> names.add(value(field)));
    return names;
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
