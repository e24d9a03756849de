package io.servicedelivery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A start form's input data written into its schema: options for {@code valuesKey}, literals in expressions. */
class SchemaWithInputDataTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aValuesKeyBecomesTheStaticOptionsTheDataHolds() throws Exception {
    JsonNode schema =
        JSON.readTree(
            """
            {"id": "f", "components": [
              {"type": "select", "key": "serviceCode", "valuesKey": "services"},
              {"type": "group", "components": [{"type": "select", "key": "other", "valuesKey": "notInTheData"}]}]}""");

    JsonNode filled =
        SchemaWithInputData.fill(schema, Map.of("services", List.of(option("Network access", "NETWORK_ACCESS"))));

    JsonNode service = filled.path("components").get(0);
    assertThat(service.has("valuesKey")).isFalse();
    assertThat(service.path("values").get(0).path("label").asText()).isEqualTo("Network access");
    assertThat(service.path("values").get(0).path("value").asText()).isEqualTo("NETWORK_ACCESS");
    assertThat(filled.path("components").get(1).path("components").get(0).path("valuesKey").asText())
        .as("a key the data does not hold stays")
        .isEqualTo("notInTheData");
    assertThat(schema.path("components").get(0).has("valuesKey")).as("the schema given is not changed").isTrue();
  }

  @Test
  void theDataNamedInAValuesExpressionBecomesAFeelLiteralOutsideStrings() {
    Map<String, Object> type = new LinkedHashMap<>();
    type.put("service", "NETWORK_ACCESS");
    type.put("label", "Say \"hi\" \\ there");
    type.put("value", "VPN_ACCESS");

    String expression =
        SchemaWithInputData.withLiterals(
            "=requestTypes[service = serviceCode and label != \"requestTypes\"]",
            Map.of("requestTypes", List.of(type)));

    assertThat(expression)
        .isEqualTo(
            "=[{service: \"NETWORK_ACCESS\", label: \"Say \\\"hi\\\" \\\\ there\", value: \"VPN_ACCESS\"}]"
                + "[service = serviceCode and label != \"requestTypes\"]");
  }

  @Test
  void literalsOfNumbersBooleansNullAndNoOtherNames() {
    assertThat(SchemaWithInputData.feel(List.of(1, 2.5, true))).isEqualTo("[1, 2.5, true]");
    assertThat(SchemaWithInputData.feel(null)).isEqualTo("null");
    assertThatThrownBy(() -> SchemaWithInputData.feel(Map.of("not a name", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, String> option(String label, String value) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }
}
