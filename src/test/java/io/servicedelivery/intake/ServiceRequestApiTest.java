package io.servicedelivery.intake;

import static io.servicedelivery.intake.ApiRequests.vpnRequest;
import static io.servicedelivery.intake.ApiRequests.with;
import static io.servicedelivery.intake.ApiRequests.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.AsyncJobs;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The request API's contract: submit, idempotency, the customer's view, the list and cancellation. */
@WebIntegrationTest
class ServiceRequestApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;

  @AfterEach
  void deleteRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void submittedRequestIsStoredStartedAndBoundToItsSla() {
    ResponseEntity<JsonNode> response = submit(vpnRequest(null), UUID.randomUUID().toString());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode request = response.getBody();
    String requestId = request.path("requestId").asText();
    assertThat(response.getHeaders().getLocation()).hasToString("/api/service-requests/" + requestId);
    assertThat(request.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(request.path("currentStep").asText()).isEqualTo("We received your request.");
    assertThat(request.path("channel").asText()).isEqualTo("PORTAL");
    SlaTarget high = catalog.get("NETWORK_ACCESS").slaFor(Priority.HIGH).orElseThrow();
    Instant received = Instant.parse(request.path("receivedAt").asText());
    assertThat(Instant.parse(request.path("sla").path("responseDueAt").asText()))
        .isEqualTo(received.plus(high.response()));
    assertThat(Instant.parse(request.path("sla").path("resolutionDueAt").asText()))
        .isEqualTo(received.plus(high.resolution()));
    assertThat(request.path("sla").path("state").asText()).isEqualTo("ON_TRACK");
    assertThat(processesOf(requestId)).isEqualTo(1);
    assertThat(storedRequests(requestId)).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(requestId).singleResult().getName())
        .isEqualTo("Plan delivery");
  }

  @Test
  void impactAndUrgencyGiveThePriority() {
    Map<String, Object> body = without(with(with(vpnRequest(null), "impact", "HIGH"), "urgency", "LOW"), "priority");

    JsonNode request = submit(body, null).getBody();

    assertThat(request.path("priority").asText()).isEqualTo("MEDIUM");
  }

  @Test
  void retryWithTheSameIdempotencyKeyReturnsTheFirstRequest() {
    String key = UUID.randomUUID().toString();
    ResponseEntity<JsonNode> first = submit(vpnRequest(null), key);

    ResponseEntity<JsonNode> retry = submit(vpnRequest(null), key);

    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    String requestId = first.getBody().path("requestId").asText();
    assertThat(retry.getBody().path("requestId").asText()).isEqualTo(requestId);
    assertThat(processesOf(requestId)).isEqualTo(1);
  }

  @Test
  void theSameExternalReferenceFromTheSameChannelIsTheSameRequest() {
    String reference = "PORTAL-" + UUID.randomUUID();
    String requestId = submit(vpnRequest(reference), null).getBody().path("requestId").asText();

    ResponseEntity<JsonNode> again = submit(vpnRequest(reference), null);
    ResponseEntity<JsonNode> otherChannel = submit(with(vpnRequest(reference), "channel", "API"), null);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("requestId").asText()).isEqualTo(requestId);
    assertThat(again.getBody().path("externalReference").asText()).isEqualTo(reference);
    assertThat(otherChannel.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void reusingAKeyForADifferentRequestIsRefused() {
    String key = UUID.randomUUID().toString();
    String requestId = submit(vpnRequest(null), key).getBody().path("requestId").asText();
    long before = countOf("service_request");

    ResponseEntity<JsonNode> different = submit(with(vpnRequest(null), "title", "Another thing"), key);

    assertThat(different.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(different.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(different.getBody().path("requestId").asText()).isEqualTo(requestId);
    assertThat(countOf("service_request")).isEqualTo(before);
  }

  @Test
  void fiftyIdenticalSubmissionsAtOnceMakeOneRequestAndOneProcess() throws Exception {
    String key = UUID.randomUUID().toString();
    ExecutorService callers = Executors.newFixedThreadPool(16);
    List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(() -> submit(vpnRequest(null), key));
    }
    List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
    for (Future<ResponseEntity<JsonNode>> call : callers.invokeAll(calls)) {
      responses.add(call.get());
    }
    callers.shutdown();

    assertThat(responses).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.CREATED, HttpStatus.OK);
    assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.CREATED).hasSize(1);
    List<String> ids = responses.stream().map(r -> r.getBody().path("requestId").asText()).distinct().toList();
    assertThat(ids).hasSize(1);
    assertThat(processesOf(ids.get(0))).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from service_request where idempotency_key = ?").param(key)
            .query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void serviceOrRequestTypeTheCatalogDoesNotOfferIsA422NamingItAndNothingIsStored() {
    long requests = countOf("service_request");
    long records = countOf("service_delivery_record");

    ResponseEntity<JsonNode> unknownService = submit(with(vpnRequest(null), "serviceCode", "TELEPORTATION"), null);
    ResponseEntity<JsonNode> unknownType = submit(with(vpnRequest(null), "requestType", "NEW_LAPTOP"), null);

    assertThat(unknownService.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(unknownService.getBody().path("errors").get(0).path("field").asText()).isEqualTo("serviceCode");
    assertThat(unknownService.getBody().path("errors").get(0).path("message").asText()).contains("TELEPORTATION");
    assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(unknownType.getBody().path("errors").get(0).path("field").asText()).isEqualTo("requestType");
    assertThat(unknownType.getBody().path("errors").get(0).path("message").asText()).contains("NEW_LAPTOP");
    assertThat(countOf("service_request")).isEqualTo(requests);
    assertThat(countOf("service_delivery_record")).isEqualTo(records);
  }

  @Test
  void whenTheProcessCannotStartNoRequestIsStored() {
    // the next request id is taken by a record already: the process start fails inside the same transaction
    String taken = String.format("SR-%06d", Long.parseLong(records.nextRequestId().substring(3)) + 1);
    jdbc.sql(
            "insert into service_delivery_record (request_id, process_instance_id, channel, received_at, outcome)"
                + " values (?, 'none', 'API', current_timestamp, 'OPEN')")
        .param(taken)
        .update();
    try {
      ResponseEntity<JsonNode> response = submit(vpnRequest(null), UUID.randomUUID().toString());

      assertThat(response.getStatusCode().is5xxServerError()).isTrue();
      assertThat(storedRequests(taken)).isZero();
      assertThat(processesOf(taken)).isZero();
    } finally {
      jdbc.sql("delete from service_delivery_record where request_id = ?").param(taken).update();
    }
  }

  @Test
  void theCustomerSeesFrontstageEventsOnlyAndTheSlaResult() {
    String requestId = submit(vpnRequest(null), null).getBody().path("requestId").asText();
    complete(requestId, "Task_PlanDelivery", Map.of("plannedStart", "2026-11-23T10:00+01:00",
        "plannedCompletion", "2026-11-23T12:00+01:00", "deliveryInstructions", "Standard profile"));
    complete(requestId, "Task_ExecuteServiceActivities", Map.of("progressStatus", "ISSUE",
        "progressReport", "Firewall port still closed", "effortHours", 0.5,
        "checklistConfirmed", new ArrayList<>(List.of())));
    JsonNode during = get(requestId).getBody();
    assertThat(during.path("status").asText()).isEqualTo("IN_PROGRESS");

    complete(requestId, "Task_TakeCorrectiveAction",
        Map.of("correctiveAction", "Escalated to the firewall team", "correctiveOutcome", "MORE_WORK"));
    complete(requestId, "Task_ExecuteServiceActivities", Map.of("progressStatus", "DONE",
        "progressReport", "VPN profile deployed and tested with the user", "effortHours", 1.5,
        "checklistConfirmed", new ArrayList<>(catalog.get("NETWORK_ACCESS").checklist())));
    complete(requestId, "Task_ReviewQuality", Map.of("qualityVerdict", "PASSED"));

    JsonNode completed = get(requestId).getBody();
    assertThat(completed.path("status").asText()).as("waiting for the customer's confirmation").isEqualTo("COMPLETED");
    assertThat(completed.path("sla").path("state").asText()).as("judged at the resolution").isEqualTo("MET");
    assertThat(
            http.withBasicAuth("portal", "portal")
                .postForEntity("/api/service-requests/" + requestId + "/confirmation", null, JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<JsonNode> response = get(requestId);
    JsonNode request = response.getBody();
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(request.path("status").asText()).isEqualTo("CLOSED");
    assertThat(request.path("sla").path("state").asText()).isEqualTo("MET");
    assertThat(request.path("timeline").findValuesAsText("event"))
        .containsExactly("RECEIVED", "PLANNED", "IN_PROGRESS", "COMPLETED", "CLOSED");
    String everything = request.toString().toLowerCase();
    for (String backstage : List.of("monitor", "corrective", "quality review", "rework", "allocat", "escalat")) {
      assertThat(everything).as("backstage step %s is not shown", backstage).doesNotContain(backstage);
    }
  }

  @Test
  void unknownRequestIsA404Problem() {
    ResponseEntity<JsonNode> response = get("SR-999999");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("requestId").asText()).isEqualTo("SR-999999");
  }

  @Test
  void listFiltersByStatusServiceAndCustomerAndPages() {
    String customer = "CUST-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 3; i++) {
      submit(with(vpnRequest(null), "requester.customerId", customer), null);
    }
    Map<String, Object> laptop =
        with(with(vpnRequest(null), "serviceCode", "LAPTOP_PROVISIONING"), "requestType", "LOAN");
    String laptopId = submit(with(laptop, "requester.customerId", customer), null).getBody().path("requestId").asText();

    JsonNode all = list("?customerId=" + customer + "&size=2");
    JsonNode secondPage = list("?customerId=" + customer + "&size=2&page=1");
    JsonNode laptops = list("?customerId=" + customer + "&serviceCode=LAPTOP_PROVISIONING&status=RECEIVED");
    JsonNode closed = list("?customerId=" + customer + "&status=CLOSED");

    assertThat(all.path("totalItems").asLong()).isEqualTo(4);
    assertThat(all.path("totalPages").asLong()).isEqualTo(2);
    assertThat(all.path("items")).hasSize(2);
    assertThat(all.path("items").get(0).path("requestId").asText()).isEqualTo(laptopId);
    assertThat(secondPage.path("items")).hasSize(2);
    assertThat(laptops.path("items").findValuesAsText("requestId")).containsExactly(laptopId);
    assertThat(closed.path("totalItems").asLong()).isZero();
  }

  @Test
  void cancellationStopsTheRequestOnceAndOnlyOnce() {
    String requestId = submit(vpnRequest(null), null).getBody().path("requestId").asText();

    ResponseEntity<JsonNode> cancelled = cancel(requestId, Map.of("reason", "Not needed any more"));
    ResponseEntity<JsonNode> again = cancel(requestId, Map.of("reason", "Really"));

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cancelled.getBody().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.getBody().path("timeline").findValuesAsText("event"))
        .as("planning was cancelled, it did not happen for the customer")
        .containsExactly("RECEIVED", "CANCELLED");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().path("detail").asText()).isEqualTo("Request " + requestId + " is already cancelled.");
    assertThat(cancel("SR-999999", Map.of("reason", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(cancel(requestId, Map.of("reason", " ")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theCustomerAnswersTheQuestionOnlyWhileItIsAsked() {
    String requestId = submit(vpnRequest(null), null).getBody().path("requestId").asText();
    assertThat(respond(requestId, "The laptop").getStatusCode()).as("nobody asked").isEqualTo(HttpStatus.CONFLICT);
    complete(requestId, "Task_PlanDelivery", Map.of("plannedStart", "2026-11-23T10:00+01:00",
        "plannedCompletion", "2026-11-23T12:00+01:00", "deliveryInstructions", "Standard profile"));
    complete(requestId, "Task_ExecuteServiceActivities", Map.of("progressStatus", "WAITING_FOR_CUSTOMER",
        "customerQuestion", "Laptop or tablet?", "progressReport", "Profile prepared", "effortHours", 0.5,
        "checklistConfirmed", new ArrayList<>(List.of())));
    sendNotifications();
    assertThat(get(requestId).getBody().path("status").asText()).isEqualTo("WAITING_FOR_YOU");
    assertThat(get(requestId).getBody().path("sla").path("state").asText()).isEqualTo("PAUSED");
    assertThat(list("?status=WAITING_FOR_YOU").path("items"))
        .anySatisfy(
            item -> {
              assertThat(item.path("requestId").asText()).isEqualTo(requestId);
              assertThat(item.path("slaState").asText()).isEqualTo("PAUSED");
            });

    assertThat(respond(requestId, " ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<JsonNode> answered = respond(requestId, "The laptop");

    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answered.getBody().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(answered.getBody().path("sla").path("state").asText()).isEqualTo("ON_TRACK");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(requestId).singleResult().getName())
        .isEqualTo("Execute service activities");
    assertThat(respond("SR-999999", "x").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void operationsManagersChangeThePriorityAndTheDueDatesFollow() {
    String requestId = submit(vpnRequest(null), null).getBody().path("requestId").asText();
    Instant received = Instant.parse(get(requestId).getBody().path("receivedAt").asText());
    SlaTarget critical = catalog.get("NETWORK_ACCESS").slaFor(Priority.CRITICAL).orElseThrow();

    ResponseEntity<JsonNode> changed = changePriority("manager", requestId, Map.of("priority", "CRITICAL",
        "reason", "The CFO is waiting"));

    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changed.getBody().path("priority").asText()).isEqualTo("CRITICAL");
    assertThat(Instant.parse(changed.getBody().path("sla").path("resolutionDueAt").asText()))
        .isEqualTo(received.plus(critical.resolution()));
    assertThat(changePriority("coordinator", requestId, Map.of("priority", "LOW", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(changePriority("manager", requestId, Map.of("priority", "URGENT", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(changePriority("manager", requestId, Map.of("priority", "LOW")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(changePriority("manager", "SR-999999", Map.of("priority", "LOW", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    cancel(requestId, Map.of("reason", "Not needed"));
    assertThat(changePriority("manager", requestId, Map.of("priority", "LOW", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void onlyApiClientsCoordinatorsAndManagersSubmitAndThoseWhoMaySeeTheRequestFollow() {
    String requestId = submit(vpnRequest(null), null).getBody().path("requestId").asText();

    assertThat(http.postForEntity("/api/service-requests", json(vpnRequest(null), null), JsonNode.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> staff =
        http.withBasicAuth("staff1", "staff1")
            .postForEntity("/api/service-requests", json(vpnRequest(null), null), JsonNode.class);
    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(staff.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(http.withBasicAuth("coordinator", "coordinator")
            .postForEntity("/api/service-requests", json(vpnRequest(null), null), JsonNode.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(http.withBasicAuth("coordinator", "coordinator")
            .getForEntity("/api/service-requests/" + requestId, JsonNode.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // staff follow the requests they work on only (RequestOwnershipApiTest)
    assertThat(http.withBasicAuth("staff1", "staff1")
            .getForEntity("/api/service-requests/" + requestId, JsonNode.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private ResponseEntity<JsonNode> submit(Map<String, Object> body, String idempotencyKey) {
    return http.withBasicAuth("portal", "portal")
        .postForEntity("/api/service-requests", json(body, idempotencyKey), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String requestId) {
    return http.withBasicAuth("portal", "portal").getForEntity("/api/service-requests/" + requestId, JsonNode.class);
  }

  private JsonNode list(String query) {
    return http.withBasicAuth("portal", "portal").getForObject("/api/service-requests" + query, JsonNode.class);
  }

  private ResponseEntity<JsonNode> respond(String requestId, String answer) {
    return http.withBasicAuth("portal", "portal")
        .exchange(
            "/api/service-requests/" + requestId + "/customer-response",
            HttpMethod.POST,
            json(Map.of("answer", answer), null),
            JsonNode.class);
  }

  private ResponseEntity<JsonNode> changePriority(String user, String requestId, Map<String, Object> body) {
    return http.withBasicAuth(user, user)
        .exchange("/api/service-requests/" + requestId + "/priority", HttpMethod.PUT, json(body, null), JsonNode.class);
  }

  private ResponseEntity<JsonNode> cancel(String requestId, Map<String, Object> body) {
    return http.withBasicAuth("portal", "portal")
        .exchange(
            "/api/service-requests/" + requestId + "/cancellation",
            HttpMethod.POST,
            json(body, null),
            JsonNode.class);
  }

  static HttpEntity<Object> json(Object body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return new HttpEntity<>(body, headers);
  }

  private void complete(String requestId, String taskDefinitionKey, Map<String, Object> variables) {
    new ApiDeliveries(http, taskService, catalog).complete(requestId, taskDefinitionKey, variables);
  }

  /** The notifications are sent in jobs of their own; this context runs no job executor. */
  private void sendNotifications() {
    AsyncJobs.runDue(managementService, null);
  }

  private long processesOf(String requestId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId).count();
  }

  private long storedRequests(String requestId) {
    return jdbc.sql("select count(*) from service_request where request_id = ?").param(requestId)
        .query(Long.class).single();
  }

  private long countOf(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

}
