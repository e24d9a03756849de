package io.servicedelivery.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.intake.ApiRequests;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Requests submitted by the portal over HTTP and worked on as the staff would in Tasklist, for the API tests that
 * need a request in a given state.
 */
public final class ApiDeliveries {

  private final TestRestTemplate http;
  private final TaskService taskService;
  private final ServiceCatalog catalog;

  public ApiDeliveries(TestRestTemplate http, TaskService taskService, ServiceCatalog catalog) {
    this.http = http;
    this.taskService = taskService;
    this.catalog = catalog;
  }

  /** @return the id of a new request waiting to be planned */
  public String submit() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("portal", "portal")
        .postForObject(
            "/api/service-requests",
            new HttpEntity<>(ApiRequests.vpnRequest(null), headers),
            JsonNode.class)
        .path("requestId")
        .asText();
  }

  /**
   * @return the id of a request that was delivered and closed, with the effort and materials given: its quality check
   *     passed and the customer (the portal) confirmed it
   */
  public String deliver(double effortHours, double materialsCost) {
    String requestId = resolve(effortHours, materialsCost);
    confirm(requestId);
    return requestId;
  }

  /** The portal confirms the completed delivery of the request, as the customer: the request is closed. */
  public void confirm(String requestId) {
    ResponseEntity<String> confirmed =
        http.withBasicAuth("portal", "portal")
            .postForEntity("/api/service-requests/" + requestId + "/confirmation", null, String.class);
    if (!confirmed.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("Confirming " + requestId + " answered " + confirmed);
    }
  }

  /**
   * @return the id of a request whose delivery passed its quality check: it is completed (resolved) and waits for the
   *     customer's confirmation or objection
   */
  public String resolve(double effortHours, double materialsCost) {
    String requestId = submit();
    complete(requestId, "Task_PlanDelivery", Map.of(
        "plannedStart", "2026-11-23T10:00+01:00",
        "plannedCompletion", "2026-11-23T12:00+01:00",
        "deliveryInstructions", "Standard profile"));
    complete(requestId, "Task_ExecuteServiceActivities", Map.of(
        "progressStatus", "DONE",
        "progressReport", "VPN profile deployed and tested with the user",
        "effortHours", effortHours,
        "materialsCost", materialsCost,
        "checklistConfirmed", new ArrayList<>(catalog.get("NETWORK_ACCESS").checklist())));
    complete(requestId, "Task_ReviewQuality", Map.of("qualityVerdict", "PASSED"));
    return requestId;
  }

  public void complete(String requestId, String taskDefinitionKey, Map<String, Object> variables) {
    taskService.complete(
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(requestId)
            .taskDefinitionKey(taskDefinitionKey)
            .singleResult()
            .getId(),
        variables);
  }
}
