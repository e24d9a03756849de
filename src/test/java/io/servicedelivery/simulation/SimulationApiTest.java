package io.servicedelivery.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/simulations over HTTP against real engine history: requests driven through the service-delivery process
 * as the portal and the staff do (planned, executed, reviewed, confirmed), on H2 and, with the PostgreSQL profile, on
 * PostgreSQL. The model is derived from that history, and the actual figures are those of /api/kpis.
 */
@WebIntegrationTest
class SimulationApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalog catalog;
  @Autowired Clock clock;

  private Instant from;
  private Instant to;

  @BeforeEach
  void deliverRequests() {
    from = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    ApiDeliveries deliveries = new ApiDeliveries(http, taskService, catalog);
    for (int i = 0; i < 3; i++) {
      deliveries.deliver(1.5, 0);
    }
    to = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));
  }

  @AfterEach
  void deleteRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void theModelComesFromTheEngineHistoryAndTheActualFiguresAreTheKpis() throws Exception {
    ResponseEntity<String> response = post("manager", Map.of(
        "from", from.toString(), "to", to.toString(), "replications", 3,
        "changes", Map.of("addStaff", List.of(Map.of("userId", "extra1", "skills", List.of("network"),
            "capacity", 2, "workingCalendar", "24X7")))));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode answer = JSON.readTree(response.getBody());
    assertThat(answer.path("replications").asInt()).isEqualTo(3);
    JsonNode model = answer.path("model");
    assertThat(model.path("requestsReceived").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(model.path("samples").path("Task_PlanDelivery").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(model.path("samples").path("Task_ExecuteServiceActivities").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(model.path("samples").path("Task_ReviewQuality").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(model.path("samples").path("Gateway_AwaitConfirmation").asInt())
        .as("one confirmation per delivery").isEqualTo(figure(answer, "requestsDelivered").path("actual").asInt());
    assertThat(model.path("branches").path("rework").asDouble()).isZero();

    JsonNode kpis = JSON.readTree(http.withBasicAuth("manager", "manager")
        .getForObject("/api/kpis?from=" + from + "&to=" + to, String.class)).path("kpis");
    for (String key : List.of("onTimeDelivery", "responseSlaCompliance", "resolutionSlaCompliance")) {
      assertThat(rounded(figure(answer, key).path("actual"), 1)).as(key).isEqualTo(kpi(kpis, key).path("value")
          .decimalValue());
    }
    assertThat(figure(answer, "requestsDelivered").path("actual").asInt())
        .isEqualTo(kpi(kpis, "onTimeDelivery").path("denominator").asInt())
        .isGreaterThanOrEqualTo(3);
    assertThat(figure(answer, "averageCycleTime").path("actual").isNumber()).isTrue();
    assertThat(figure(answer, "averageCycleTime").path("baseline").path("mean").isNumber()).isTrue();
    assertThat(answer.path("resources").findValuesAsText("name")).contains("extra1", "staff1", "staff2");
    JsonNode extra = answer.path("resources").get(0);
    assertThat(extra.path("name").asText()).isEqualTo("extra1");
    assertThat(extra.path("actual").isNull()).as("not in the pool in the period").isTrue();
    assertThat(extra.path("baseline").path("mean").isNull()).isTrue();
    assertThat(extra.path("predicted").path("mean").isNumber()).isTrue();
    assertThat(answer.path("skills").findValuesAsText("name")).contains("network");
    assertThat(answer.path("validation").path("figures").size()).isEqualTo(6);
  }

  @Test
  void invalidQuestionsAreRefusedNamingTheField() {
    String period = "\"from\":\"" + from + "\",\"to\":\"" + to + "\"";
    assertInvalid(post("manager", "{" + period + ",\"replications\":51}"), "replications");
    assertInvalid(post("manager", "{" + period + ",\"replications\":0}"), "replications");
    assertInvalid(post("manager", "{\"to\":\"" + to + "\"}"), "from");
    assertInvalid(post("manager", "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-06-01T00:00:00Z\"}"), "to");
    assertInvalid(post("manager", "{\"from\":\"" + to + "\",\"to\":\"" + from + "\"}"), "to");
    assertInvalid(post("manager", "{" + period + ",\"changes\":{\"removeStaff\":[\"ghost\"]}}"),
        "changes.removeStaff[0]");
    assertInvalid(post("manager", "{" + period + ",\"changes\":{\"staff\":{\"ghost\":{\"capacity\":2}}}}"),
        "changes.staff.ghost");
    assertInvalid(post("manager", "{" + period + ",\"changes\":{\"steps\":{\"Task_MakeCoffee\":"
        + "{\"durationFactor\":2}}}}"), "changes.steps.Task_MakeCoffee");
    assertInvalid(post("manager", "{" + period + ",\"changes\":{\"steps\":{\"Task_ExecuteServiceActivities\":"
        + "{\"durationFactor\":-1}}}}"), "changes.steps.Task_ExecuteServiceActivities.durationFactor");
    assertInvalid(post("manager", "{" + period + ",\"changes\":{\"arrivalsPercent\":-150}}"),
        "changes.arrivalsPercent");
  }

  @Test
  void manyManagersAskingAtOnceGetAnAnswerOrA503WithRetryAfterNeverAnError() throws Exception {
    String body = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"replications\":50}";
    java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      List<java.util.concurrent.Future<ResponseEntity<String>>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(callers.submit(() -> post("manager", body)));
      }
      int answered = 0;
      for (java.util.concurrent.Future<ResponseEntity<String>> call : calls) {
        ResponseEntity<String> response = call.get();
        if (response.getStatusCode() == HttpStatus.OK) {
          answered++;
        } else {
          assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
          assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
          assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
      }
      assertThat(answered).isPositive();
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void onlyOperationsManagersAskWhatIf() {
    String body = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    assertThat(post("coordinator", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("portal", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.postForEntity("/api/simulations", json(body), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private static JsonNode figure(JsonNode answer, String key) {
    for (JsonNode figure : answer.path("figures")) {
      if (figure.path("key").asText().equals(key)) {
        return figure;
      }
    }
    throw new AssertionError("no figure " + key + " in " + answer);
  }

  private static JsonNode kpi(JsonNode kpis, String key) {
    for (JsonNode kpi : kpis) {
      if (kpi.path("key").asText().equals(key)) {
        return kpi;
      }
    }
    throw new AssertionError("no KPI " + key + " in " + kpis);
  }

  private static BigDecimal rounded(JsonNode value, int scale) {
    return value.decimalValue().setScale(scale, RoundingMode.HALF_UP);
  }

  private void assertInvalid(ResponseEntity<String> response, String... fields) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    try {
      assertThat(JSON.readTree(response.getBody()).path("errors").findValuesAsText("field")).containsExactly(fields);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private ResponseEntity<String> post(String user, Object body) {
    try {
      return post(user, JSON.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private ResponseEntity<String> post(String user, String body) {
    return http.withBasicAuth(user, user).postForEntity("/api/simulations", json(body), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
