package io.servicedelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed input to every operation of {@code /v3/api-docs} that takes a body or parameters, and to the dashboard's
 * data ({@code /dashboard/api}, not in the document): wrong types, enum ordinals and padded names, numbers as text,
 * decimals for whole numbers, numbers and extreme years as dates, duplicate keys, trailing content, another charset.
 * Each is refused with a 4xx problem (never a 5xx, never a 2xx), a wrong value with a 400 naming it. The bodies are
 * built from the document's schemas, well-typed but for the value under test, so reading the body is what fails; the
 * callers are allowed to call each operation.
 */
@WebIntegrationTest
class ApiFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** the callers: the API client for what the customers' systems call, the operations manager for the rest */
  private static final Set<String> PORTAL_OPERATIONS =
      Set.of(
          "POST /api/service-requests",
          "POST /api/service-requests/{requestId}/cancellation",
          "POST /api/service-requests/{requestId}/customer-response",
          "POST /api/service-requests/{requestId}/feedback",
          "POST /api/integrations/service-desk/tickets",
          "POST /api/integrations/sales-orders");

  @LocalServerPort int port;

  private JsonNode components;

  @Test
  void malformedInputIsRefusedWithAProblemByEveryOperation() throws Exception {
    HttpCalls anonymous = HttpCalls.anonymous(port);
    JsonNode document = JSON.readTree(anonymous.get("/v3/api-docs").body());
    components = document.path("components").path("schemas");
    HttpCalls portal = HttpCalls.basic(port, "portal");
    HttpCalls manager = HttpCalls.basic(port, "manager");
    SoftAssertions softly = new SoftAssertions();
    int calls = 0;
    List<String> fuzzed = new ArrayList<>();

    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = operations.next();
        String method = entry.getKey().toUpperCase();
        JsonNode operation = entry.getValue();
        String name = method + " " + path.getKey();
        HttpCalls caller = PORTAL_OPERATIONS.contains(name) ? portal : manager;
        JsonNode parameters = operation.path("parameters");
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (parameters.isEmpty() && bodySchema.isMissingNode()) {
          continue;
        }
        fuzzed.add(name);
        Map<String, String> query = new LinkedHashMap<>();
        String target = path.getKey();
        for (JsonNode parameter : parameters) {
          String value = sampleParameter(parameter);
          if (parameter.path("in").asText().equals("path")) {
            target = target.replace("{" + parameter.path("name").asText() + "}", value);
          } else if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
            query.put(parameter.path("name").asText(), value);
          }
        }
        String body = bodySchema.isMissingNode() ? null : JSON.writeValueAsString(sample(bodySchema));

        for (JsonNode parameter : parameters) {
          String in = parameter.path("in").asText();
          String parameterName = parameter.path("name").asText();
          for (String wrong : wrongParameters(parameter)) {
            if (in.equals("path") && wrong.contains("%00")) {
              continue; // Tomcat refuses an encoded NUL in the path itself, before the application
            }
            String url;
            if (in.equals("path")) {
              url = path.getKey().replace("{" + parameterName + "}", wrong);
              for (JsonNode other : parameters) {
                url = url.replace("{" + other.path("name").asText() + "}", sampleParameter(other));
              }
              url += queryString(query);
            } else if (in.equals("query")) {
              Map<String, String> changed = new LinkedHashMap<>(query);
              changed.put(parameterName, wrong);
              url = target + queryString(changed);
            } else {
              continue;
            }
            HttpResponse<String> response =
                body == null ? caller.send(method, url, null, null) : caller.json(method, url, body);
            calls++;
            expectRefused(softly, response, 400, parameterName);
          }
        }
        if (body != null) {
          String url = target + queryString(query);
          for (Map.Entry<String, String> wrong : wrongBodies(bodySchema).entrySet()) {
            HttpResponse<String> response = caller.json(method, url, wrong.getValue());
            calls++;
            expectRefused(softly, response, 400, wrong.getKey().substring(0, wrong.getKey().indexOf('#')));
          }
          for (String whole : List.of(body + " {}", body + "]", body + " x", "[" + body + "]", "\"x\"", "1", "")) {
            calls++;
            expectRefused(softly, caller.json(method, url, whole), 400, null);
          }
          JsonNode sample = JSON.readTree(body);
          if (sample.isObject() && sample.size() > 0) {
            String first = sample.fieldNames().next();
            String twice = "{\"" + first + "\": " + sample.get(first) + ", " + body.substring(1);
            calls++;
            expectRefused(softly, caller.json(method, url, twice), 400, first);
          }
          calls++;
          expectRefused(
              softly,
              caller.send(method, url, body.getBytes(StandardCharsets.UTF_8), "application/json; charset=UTF-16"),
              415, "Content-Type");
        }
      }
    }

    HttpCalls dashboard = HttpCalls.signedIn(port, "manager");
    fuzzed.add("GET /dashboard/api/activities");
    for (String from : wrongDates(false)) {
      calls++;
      expectRefused(softly, dashboard.get("/dashboard/api/activities?from=" + from + "&to=2026-10-02"), 400, "from");
      calls++;
      expectRefused(softly, dashboard.get("/dashboard/api/activities?from=2026-10-01&to=" + from), 400, "to");
    }
    calls++;
    expectRefused(softly, dashboard.get("/dashboard/api/activities?from=2026-10-02&to=2026-10-01"), 400, "from");

    assertThat(fuzzed)
        .as("the operations with parameters or a body")
        .contains(
            "POST /api/service-requests", "GET /api/service-requests", "PUT /api/service-requests/{requestId}/priority",
            "POST /api/integrations/sales-orders", "POST /api/catalog/change-requests",
            "PUT /api/catalog/calendars/{code}", "POST /api/resources/{userId}/absences", "GET /api/kpis",
            "GET /api/kpis/weekly", "GET /api/kpis/by-service", "GET /api/records/export", "GET /api/capas");
    assertThat(calls).isGreaterThan(500);
    softly.assertAll();
  }

  private static void expectRefused(SoftAssertions softly, HttpResponse<String> response, int status, String field) {
    String call = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode() + " "
        + response.body();
    softly.assertThat(response.statusCode()).as(call).isBetween(400, 499);
    softly.assertThat(response.statusCode()).as(call).isEqualTo(status);
    softly.assertThat(response.headers().firstValue("Content-Type")).as(call).hasValue("application/problem+json");
    List<String> fields = new ArrayList<>();
    HttpCalls.body(response).path("errors")
        .forEach(error -> fields.add(error.hasNonNull("field") ? error.path("field").asText() : null));
    softly.assertThat(fields).as(call).contains(field);
  }

  private static String queryString(Map<String, String> query) {
    StringBuilder text = new StringBuilder();
    query.forEach((name, value) -> text.append(text.isEmpty() ? "?" : "&").append(name).append('=').append(value));
    return text.toString();
  }

  // --- parameters

  private String sampleParameter(JsonNode parameter) {
    JsonNode schema = resolve(parameter.path("schema"));
    String name = parameter.path("name").asText();
    if (isDateParameter(parameter)) {
      return name.equals("to") ? "2026-10-02" : "2026-10-01";
    }
    return switch (type(schema)) {
      case "integer" -> "1";
      case "boolean" -> "false";
      default -> schema.has("enum") ? schema.path("enum").get(0).asText() : "FUZZ";
    };
  }

  /** the periods' ends: dates (LocalDate), or instants or dates (the KPIs' text parameters) */
  private boolean isDateParameter(JsonNode parameter) {
    String name = parameter.path("name").asText();
    return name.equals("from") || name.equals("to") || "date".equals(resolve(parameter.path("schema")).path("format")
        .asText());
  }

  private List<String> wrongParameters(JsonNode parameter) {
    JsonNode schema = resolve(parameter.path("schema"));
    if (isDateParameter(parameter)) {
      return wrongDates(true);
    }
    if (schema.has("enum")) {
      String first = schema.path("enum").get(0).asText();
      return List.of("0", "1", first + "%00", "%20" + first, first + "%20", first.toLowerCase(), "x." + first);
    }
    return switch (type(schema)) {
      case "integer" -> List.of("1.5", "1.0", "%201", "1%00", "0x1", "99999999999999999999", "x", "1e2");
      case "boolean" -> List.of("yes", "on", "1", "TRUE%00", "%20true");
      default -> List.of();
    };
  }

  private static List<String> wrongDates(boolean instantsToo) {
    List<String> dates = new ArrayList<>(List.of(
        "%2B999999999-12-31", "-999999999-01-01", "0000-12-31", "10000-01-01", "20270105", "12345", "2026-13-01",
        "2026-02-30", "%202026-10-01", "2026-10-01%00", "x"));
    if (instantsToo) {
      dates.addAll(List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1893456000",
          "9999-12-31T23:59:59-18:00"));
    }
    return dates;
  }

  // --- bodies

  private JsonNode resolve(JsonNode schema) {
    JsonNode resolved = schema;
    while (resolved.has("$ref")) {
      String ref = resolved.path("$ref").asText();
      resolved = components.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    if (resolved.has("allOf") && resolved.path("allOf").size() == 1) {
      return resolve(resolved.path("allOf").get(0));
    }
    return resolved;
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode each : type) {
        if (!each.asText().equals("null")) {
          return each.asText();
        }
      }
    }
    if (type.isMissingNode() && schema.has("properties")) {
      return "object";
    }
    return type.asText();
  }

  /** A well-typed value of the schema; maps are empty, lists have one element. */
  private JsonNode sample(JsonNode reference) {
    JsonNode schema = resolve(reference);
    if (schema.has("enum")) {
      return NODES.textNode(schema.path("enum").get(0).asText());
    }
    return switch (type(schema)) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(property -> {
          if (!property.getValue().path("readOnly").asBoolean()) {
            object.set(property.getKey(), sample(property.getValue()));
          }
        });
        yield object;
      }
      case "array" -> NODES.arrayNode().add(sample(schema.path("items")));
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(new java.math.BigDecimal("1.5"));
      case "boolean" -> NODES.booleanNode(false);
      default -> switch (schema.path("format").asText()) {
        case "date-time" -> NODES.textNode("2027-01-01T00:00:00Z");
        case "date" -> NODES.textNode("2027-01-05");
        case "email" -> NODES.textNode("ada@customer.example");
        default -> NODES.textNode(schema.has("example") ? schema.path("example").asText() : "FUZZ");
      };
    };
  }

  /** For each value of the sample body: the body with that value wrong, by the path the problem names. */
  private Map<String, String> wrongBodies(JsonNode reference) throws Exception {
    JsonNode sample = sample(reference);
    Map<String, String> bodies = new LinkedHashMap<>();
    collect(reference, "", new ArrayList<>(), sample, bodies);
    return bodies;
  }

  private void collect(JsonNode reference, String path, List<Object> steps, JsonNode sample,
      Map<String, String> bodies) throws Exception {
    JsonNode schema = resolve(reference);
    String type = type(schema);
    if (!path.isEmpty()) {
      List<String> wrongs = wrongValues(schema, type);
      for (int i = 0; i < wrongs.size(); i++) {
        JsonNode body = sample.deepCopy();
        replace(body, steps, JSON.readTree(wrongs.get(i)));
        bodies.put(path + "#" + i, JSON.writeValueAsString(body));
      }
    }
    if (type.equals("object") && !schema.has("enum")) {
      for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
          properties.hasNext(); ) {
        Map.Entry<String, JsonNode> property = properties.next();
        if (property.getValue().path("readOnly").asBoolean()) {
          continue;
        }
        List<Object> next = new ArrayList<>(steps);
        next.add(property.getKey());
        collect(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), next, sample,
            bodies);
      }
    } else if (type.equals("array")) {
      List<Object> next = new ArrayList<>(steps);
      next.add(0);
      collect(schema.path("items"), path + "[0]", next, sample, bodies);
    }
  }

  private static void replace(JsonNode body, List<Object> steps, JsonNode value) {
    JsonNode parent = body;
    for (int i = 0; i < steps.size() - 1; i++) {
      Object step = steps.get(i);
      parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
    }
    Object last = steps.get(steps.size() - 1);
    if (last instanceof Integer index) {
      ((ArrayNode) parent).set(index, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
  }

  private static List<String> wrongValues(JsonNode schema, String type) {
    if (schema.has("enum")) {
      String first = schema.path("enum").get(0).asText();
      return List.of("0", "\"0\"", "\" " + first + " \"", "\"" + first + "\\u0000\"", "\"" + first.toLowerCase()
          + "\"", "1.5", "true", "[\"" + first + "\"]");
    }
    return switch (type) {
      case "integer" -> List.of("\"1\"", "1.5", "1.0", "1e0", "true", "99999999999999999999", "[1]", "{}");
      case "number" -> List.of("\"1.5\"", "true", "[1.5]", "{}");
      case "boolean" -> List.of("\"true\"", "\"false\"", "1", "0", "[true]");
      case "object" -> List.of("\"x\"", "1", "[]", "true");
      case "array" -> List.of("\"x\"", "1", "{}");
      default -> switch (schema.path("format").asText()) {
        case "date-time" -> List.of("12345", "\"12345\"", "1.5", "\"+999999999-12-31T23:59:59Z\"",
            "\"-999999999-01-01T00:00:00Z\"", "\"10000-01-01T00:00:00Z\"", "\"0000-12-31T23:59:59Z\"",
            "\" 2027-01-01T00:00:00Z\"", "\"2027-01-01\"", "[2027, 1, 1, 0, 0]", "\"\"");
        case "date" -> List.of("20270105", "\"20270105\"", "\"+999999999-12-31\"", "\"0000-01-05\"",
            "\"2027-01-05T00:00:00Z\"", "[2027, 1, 5]", "\" 2027-01-05\"", "\"\"");
        default -> List.of("42", "1.5", "true", "[\"x\"]", "{}");
      };
    };
  }
}
