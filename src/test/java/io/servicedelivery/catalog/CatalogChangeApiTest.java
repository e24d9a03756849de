package io.servicedelivery.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.testsupport.CatalogProposals;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog change API over HTTP with real authentication: who may propose, what a proposal must look like, the
 * problem bodies for everything else, and the versions an approved change leaves behind. Changes go to
 * DATA_RECOVERY and take effect tomorrow, so the other tests of this application context keep seeing version 1.
 */
@WebIntegrationTest
class CatalogChangeApiTest {

  private static final String CHANGES = "/api/catalog/change-requests";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper objectMapper;
  @Autowired ServiceCatalog catalog;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeCatalogChanges() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(CatalogChangeProcess.KEY).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true));
    CatalogProposals.removeCatalogChanges(jdbc);
  }

  @Test
  void operationsManagerProposesAChangeAndGets201WithLocationAndTheDifference() {
    ResponseEntity<JsonNode> response = post("manager", validProposal());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode change = response.getBody();
    long id = change.path("id").asLong();
    assertThat(response.getHeaders().getLocation()).hasToString(CHANGES + "/" + id);
    assertThat(change.path("status").asText()).isEqualTo("PENDING_REVIEW");
    assertThat(change.path("serviceCode").asText()).isEqualTo("DATA_RECOVERY");
    assertThat(change.path("proposedBy").asText()).isEqualTo("manager");
    assertThat(change.path("baseVersion").asInt()).isEqualTo(1);
    assertThat(texts(change.path("changes")))
        .containsExactly("Checklist: + Backup verified", "SLA High resolution: 720 → 600 minutes");
    assertThat(change.path("reviewedBy").isNull()).isTrue();
    assertThat(change.path("resultingVersion").isNull()).isTrue();
    assertThat(change.path("proposal").path("slaTargets")).hasSize(4);
    assertThat(change.path("processInstanceId").asText()).isNotBlank();

    JsonNode read =
        http.withBasicAuth("manager", "manager")
            .getForObject(response.getHeaders().getLocation(), JsonNode.class);
    assertThat(read).isEqualTo(change);
  }

  @Test
  void theCurrentDefinitionCanBeSentBackChangedAsAProposal() {
    ObjectNode current =
        http.withBasicAuth("manager", "manager")
            .getForObject("/api/catalog/services/DATA_RECOVERY", ObjectNode.class);
    current.put("name", "Data recovery and restore");
    current.put("effectiveFrom", tomorrow().toString());
    current.put("reason", "The service desk calls it restore");

    ResponseEntity<JsonNode> response = post("manager", current);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(texts(response.getBody().path("changes")))
        .containsExactly("Name: \"Data recovery\" → \"Data recovery and restore\"");
  }

  @Test
  void aProposalCarriesTheCalendarsAndWarningsOfEachSlaTargetAndTheDifferenceNamesThem() {
    CatalogChangeProposal proposal =
        CatalogProposals.from(catalog.get("DATA_RECOVERY"))
            .slaCalendars(Priority.HIGH, "24X7", "OFFICE_BERLIN")
            .slaWarnings(Priority.HIGH, 60, 80, 95)
            .slaCalendars(Priority.LOW, "OFFICE_NEW_YORK", "OFFICE_NEW_YORK")
            .effectiveFrom(tomorrow())
            .reason("HIGH in office hours, LOW served from New York")
            .build();

    ResponseEntity<JsonNode> response = post("manager", proposal);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(texts(response.getBody().path("changes")))
        .containsExactly(
            "SLA High resolution calendar: 24X7 → OFFICE_BERLIN",
            "SLA High warnings: 50/75/90 % → 60/80/95 %",
            "SLA Low response calendar: OFFICE_BERLIN → OFFICE_NEW_YORK",
            "SLA Low resolution calendar: OFFICE_BERLIN → OFFICE_NEW_YORK");
    JsonNode high = response.getBody().path("proposal").path("slaTargets").get(1);
    assertThat(high.path("priority").asText()).isEqualTo("HIGH");
    assertThat(high.path("responseCalendar").asText()).isEqualTo("24X7");
    assertThat(high.path("resolutionCalendar").asText()).isEqualTo("OFFICE_BERLIN");
    assertThat(high.path("warningPercents").toString()).isEqualTo("[60,80,95]");
  }

  @Test
  void withoutCalendarsAndWarningsATargetCounts24x7AndWarnsAtTheDefaults() {
    ObjectNode body = objectMapper.valueToTree(validProposal());
    body.path("slaTargets")
        .forEach(target -> ((ObjectNode) target).remove(List.of("responseCalendar", "resolutionCalendar",
            "warningPercents")));

    ResponseEntity<JsonNode> response = post("manager", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(texts(response.getBody().path("changes")))
        .containsExactly(
            "Checklist: + Backup verified",
            "SLA High resolution: 720 → 600 minutes",
            "SLA Medium response calendar: OFFICE_BERLIN → 24X7",
            "SLA Medium resolution calendar: OFFICE_BERLIN → 24X7",
            "SLA Low response calendar: OFFICE_BERLIN → 24X7",
            "SLA Low resolution calendar: OFFICE_BERLIN → 24X7");
    for (JsonNode target : response.getBody().path("proposal").path("slaTargets")) {
      assertThat(target.path("responseCalendar").asText()).isEqualTo("24X7");
      assertThat(target.path("resolutionCalendar").asText()).isEqualTo("24X7");
      assertThat(target.path("warningPercents").toString()).isEqualTo("[50,75,90]");
    }
  }

  @Test
  void onlyOperationsManagersMayProposeOrReadChanges() {
    ResponseEntity<JsonNode> coordinator =
        http.withBasicAuth("coordinator", "coordinator")
            .postForEntity(CHANGES, json(validProposal()), JsonNode.class);
    assertThat(coordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(coordinator.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(coordinator.getBody().path("status").asInt()).isEqualTo(403);

    assertThat(http.withBasicAuth("coordinator", "coordinator").getForEntity(CHANGES + "/1", JsonNode.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> anonymous = http.postForEntity(CHANGES, json(validProposal()), JsonNode.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(changeRequests()).isZero();
  }

  static Stream<Arguments> invalidProposals() {
    return Stream.of(
        Arguments.of(
            "no fields at all",
            (Consumer<ObjectNode>) body -> body.removeAll(),
            Set.of(
                "code", "name", "description", "requiredSkill", "standardEffortHours", "costRatePerHour", "currency",
                "requestTypes", "checklist", "slaTargets", "effectiveFrom", "reason")),
        Arguments.of(
            "negative effort",
            (Consumer<ObjectNode>) body -> body.put("standardEffortHours", -1),
            Set.of("standardEffortHours")),
        Arguments.of(
            "resolution not longer than response",
            (Consumer<ObjectNode>) body -> sla(body, 1).put("resolutionMinutes", 60),
            Set.of("slaTargets[1].resolutionMinutes")),
        Arguments.of(
            "a priority without SLA target",
            (Consumer<ObjectNode>) body -> ((ArrayNode) body.path("slaTargets")).remove(3),
            Set.of("slaTargets")),
        Arguments.of(
            "effective in the past",
            (Consumer<ObjectNode>)
                body -> body.put("effectiveFrom", Instant.now().minus(Duration.ofDays(1)).toString()),
            Set.of("effectiveFrom")),
        Arguments.of(
            "unknown priority",
            (Consumer<ObjectNode>) body -> sla(body, 0).put("priority", "URGENT"),
            Set.of("slaTargets[0].priority")),
        Arguments.of(
            "text for a number",
            (Consumer<ObjectNode>) body -> body.put("costRatePerHour", "expensive"),
            Set.of("costRatePerHour")),
        Arguments.of(
            "not an instant",
            (Consumer<ObjectNode>) body -> body.put("effectiveFrom", "next Monday"),
            Set.of("effectiveFrom")),
        Arguments.of(
            "a calendar the catalog does not have",
            (Consumer<ObjectNode>) body -> sla(body, 2).put("resolutionCalendar", "OFFICE_MARS"),
            Set.of("slaTargets[2].resolutionCalendar")),
        Arguments.of(
            "warnings that do not ascend",
            (Consumer<ObjectNode>) body -> sla(body, 1).putArray("warningPercents").add(75).add(50).add(90),
            Set.of("slaTargets[1].warningPercents")),
        Arguments.of(
            "two warnings",
            (Consumer<ObjectNode>) body -> sla(body, 1).putArray("warningPercents").add(50).add(75),
            Set.of("slaTargets[1].warningPercents")),
        Arguments.of(
            "warnings at 0 and 100 %",
            (Consumer<ObjectNode>) body -> sla(body, 0).putArray("warningPercents").add(0).add(75).add(100),
            Set.of("slaTargets[0].warningPercents[0]", "slaTargets[0].warningPercents[2]")),
        Arguments.of(
            "several mistakes at once",
            (Consumer<ObjectNode>)
                body -> {
                  body.put("name", "n".repeat(121));
                  body.put("currency", "euro");
                  body.put("code", "data recovery");
                  ((ObjectNode) body.path("requestTypes").get(0)).put("code", "FILE_RESTORE");
                  ((ArrayNode) body.path("checklist")).set(1, "  ");
                  sla(body, 2).remove("responseMinutes");
                  sla(body, 3).put("resolutionMinutes", 0);
                },
            Set.of(
                "name", "currency", "code", "requestTypes", "checklist[1]", "slaTargets[2].responseMinutes",
                "slaTargets[3].resolutionMinutes")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidProposals")
  void invalidProposalIsA400ProblemListingEveryInvalidField(
      String description, Consumer<ObjectNode> mistake, Set<String> invalidFields) {
    ObjectNode body = objectMapper.valueToTree(validProposal());
    mistake.accept(body);

    ResponseEntity<JsonNode> response = post("manager", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = response.getBody();
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
    assertThat(problem.path("instance").asText()).isEqualTo(CHANGES);
    assertThat(Set.copyOf(problem.path("errors").findValuesAsText("field"))).isEqualTo(invalidFields);
    assertThat(problem.path("errors").findValuesAsText("message"))
        .allSatisfy(message -> assertThat(message).isNotBlank());
    assertThat(changeRequests()).as("nothing stored").isZero();
  }

  @Test
  void problemMessagesSayWhatIsExpected() {
    ObjectNode body = objectMapper.valueToTree(validProposal());
    sla(body, 0).put("priority", "URGENT");
    assertThat(onlyError(post("manager", body)).path("message").asText())
        .isEqualTo("must be one of CRITICAL, HIGH, MEDIUM, LOW");

    body = objectMapper.valueToTree(validProposal());
    ((ArrayNode) body.path("slaTargets")).remove(3);
    ((ArrayNode) body.path("slaTargets")).add(body.path("slaTargets").get(0).deepCopy());
    assertThat(post("manager", body).getBody().path("errors").findValuesAsText("message"))
        .containsExactlyInAnyOrder(
            "must have a target for each priority CRITICAL, HIGH, MEDIUM, LOW; missing: LOW",
            "must have one target per priority; more than one for: CRITICAL");

    body = objectMapper.valueToTree(validProposal());
    sla(body, 1).put("resolutionMinutes", 60);
    assertThat(onlyError(post("manager", body)).path("message").asText())
        .isEqualTo("must be greater than the response time of 60 minutes");
  }

  @Test
  void malformedJsonIsA400ProblemWithoutAField() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("manager", "manager")
            .postForEntity(CHANGES, raw("{\"code\": \"DATA_RECOVERY\", \"name\": "), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode error = onlyError(response);
    assertThat(error.has("field")).isFalse();
    assertThat(error.path("message").asText()).startsWith("The request body is not valid JSON");

    assertThat(onlyError(http.withBasicAuth("manager", "manager").postForEntity(CHANGES, raw("[1, 2]"),
            JsonNode.class)).path("message").asText())
        .isEqualTo("The request body must be an object.");
    assertThat(changeRequests()).isZero();
  }

  @Test
  void unknownChangeRequestIsA404ProblemAndAnIdThatIsNoNumberA400() {
    ResponseEntity<JsonNode> unknown =
        http.withBasicAuth("manager", "manager").getForEntity(CHANGES + "/999999", JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(unknown.getBody().path("changeRequestId").asLong()).isEqualTo(999999);

    ResponseEntity<JsonNode> notANumber =
        http.withBasicAuth("manager", "manager").getForEntity(CHANGES + "/latest", JsonNode.class);
    assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(onlyError(notANumber).path("field").asText()).isEqualTo("id");
  }

  @Test
  void versionsOfAnUnknownServiceAreA404Problem() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("coordinator", "coordinator")
            .getForEntity("/api/catalog/services/TELEPORTATION/versions", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("serviceCode").asText()).isEqualTo("TELEPORTATION");
  }

  @Test
  void anotherManagerApprovesInTheEngineAndTheVersionsShowBothNewestFirst() {
    long id = post("manager", validProposal()).getBody().path("id").asLong();
    String businessKey = CatalogChangeRequest.businessKey(id);

    assertThat(tasksOf("manager", businessKey)).as("the proposer does not see the review").isEmpty();
    JsonNode tasks = tasksOf("demo", businessKey);
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).path("id").asText();
    assertThat(submit("manager", taskId, "APPROVE").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(submit("demo", taskId, "APPROVE").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode change = http.withBasicAuth("manager", "manager").getForObject(CHANGES + "/" + id, JsonNode.class);
    assertThat(change.path("status").asText()).isEqualTo("APPROVED");
    assertThat(change.path("reviewedBy").asText()).isEqualTo("demo");
    assertThat(change.path("resultingVersion").asInt()).isEqualTo(2);

    JsonNode versions =
        http.withBasicAuth("coordinator", "coordinator")
            .getForObject("/api/catalog/services/DATA_RECOVERY/versions", JsonNode.class);
    assertThat(versions).hasSize(2);
    JsonNode newest = versions.get(0);
    assertThat(newest.path("version").asInt()).isEqualTo(2);
    assertThat(Instant.parse(newest.path("effectiveFrom").asText())).isEqualTo(tomorrow());
    assertThat(newest.path("proposedBy").asText()).isEqualTo("manager");
    assertThat(newest.path("approvedBy").asText()).isEqualTo("demo");
    assertThat(newest.path("changeRequestId").asLong()).isEqualTo(id);
    assertThat(newest.path("definition").path("version").asInt()).isEqualTo(2);
    assertThat(newest.path("definition").path("checklist")).hasSize(5);
    assertThat(newest.path("definition").path("slaTargets").findValuesAsText("resolutionCalendar"))
        .containsExactly("24X7", "24X7", "OFFICE_BERLIN", "OFFICE_BERLIN");
    assertThat(newest.path("definition").path("slaTargets").findValuesAsText("priority"))
        .containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW");
    JsonNode initial = versions.get(1);
    assertThat(initial.path("version").asInt()).isEqualTo(1);
    assertThat(initial.path("effectiveFrom").asText()).isEqualTo("2000-01-01T00:00:00Z");
    assertThat(initial.path("proposedBy").isNull()).isTrue();
    assertThat(initial.path("approvedBy").isNull()).isTrue();
    assertThat(initial.path("changeRequestId").isNull()).isTrue();

    JsonNode current =
        http.withBasicAuth("coordinator", "coordinator")
            .getForObject("/api/catalog/services/DATA_RECOVERY", JsonNode.class);
    assertThat(current.path("version").asInt()).as("version 2 takes effect tomorrow").isEqualTo(1);
    assertThat(current.path("effectiveFrom").asText()).isEqualTo("2000-01-01T00:00:00Z");
  }

  @Test
  void openApiDescribesTheEndpointsAndTheirProblems() {
    JsonNode docs = http.withBasicAuth("manager", "manager").getForObject("/v3/api-docs", JsonNode.class);

    JsonNode propose = docs.path("paths").path(CHANGES).path("post");
    assertThat(propose.path("responses").fieldNames()).toIterable().contains("201", "400", "401", "403");
    assertThat(propose.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
    assertThat(docs.path("paths").path(CHANGES + "/{id}").path("get").path("responses").fieldNames())
        .toIterable()
        .contains("200", "403", "404");
    assertThat(docs.path("paths").path("/api/catalog/services/{code}/versions").path("get").path("responses")
            .fieldNames())
        .toIterable()
        .contains("200", "404");
    assertThat(docs.path("components").path("schemas").path("InvalidRequestProblem").path("properties").has("errors"))
        .isTrue();
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private CatalogChangeProposal validProposal() {
    return CatalogProposals.from(catalog.get("DATA_RECOVERY"))
        .sla(Priority.HIGH, 60, 600)
        .addChecklistItem("Backup verified")
        .effectiveFrom(tomorrow())
        .reason("Faster restores with the new backup system")
        .build();
  }

  /** Tomorrow at midnight UTC, the same for every call within a test. */
  private static Instant tomorrow() {
    return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
  }

  private ResponseEntity<JsonNode> post(String user, Object body) {
    return http.withBasicAuth(user, user).postForEntity(CHANGES, json(body), JsonNode.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static HttpEntity<String> raw(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static ObjectNode sla(ObjectNode body, int index) {
    return (ObjectNode) body.path("slaTargets").get(index);
  }

  private static JsonNode onlyError(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors")).hasSize(1);
    return response.getBody().path("errors").get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  private long changeRequests() {
    return jdbc.sql("select count(*) from catalog_change_request").query(Long.class).single();
  }

  private JsonNode tasksOf(String user, String businessKey) {
    return http.withBasicAuth(user, user)
        .getForObject("/engine-rest/task?processInstanceBusinessKey=" + businessKey, JsonNode.class);
  }

  private ResponseEntity<String> submit(String user, String taskId, String decision) {
    return http.withBasicAuth(user, user)
        .postForEntity(
            "/engine-rest/task/" + taskId + "/submit-form",
            Map.of("variables", Map.of("catalogChangeDecision", Map.of("value", decision))),
            String.class);
  }
}
