package io.servicedelivery.intake;

import static io.servicedelivery.intake.ServiceRequestApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tickets from the service desk and orders from the sales-order system become requests through the mappings. */
@WebIntegrationTest
class SystemChannelApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void deleteRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void ticketBecomesARequestOfTheServiceItsCategoryMapsToOnce() {
    Map<String, Object> ticket = ticket("INC-" + UUID.randomUUID(), "vpn");

    ResponseEntity<JsonNode> first = post("/api/integrations/service-desk/tickets", ticket);
    ResponseEntity<JsonNode> again = post("/api/integrations/service-desk/tickets", ticket);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode request = first.getBody();
    assertThat(request.path("serviceCode").asText()).isEqualTo("NETWORK_ACCESS");
    assertThat(request.path("requestType").asText()).isEqualTo("VPN_ACCESS");
    assertThat(request.path("priority").asText()).as("impact HIGH, urgency MEDIUM").isEqualTo("HIGH");
    assertThat(request.path("channel").asText()).isEqualTo("SERVICE_DESK");
    assertThat(request.path("externalReference").asText()).isEqualTo(ticket.get("number"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("requestId").asText()).isEqualTo(request.path("requestId").asText());
    assertThat(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(request.path("requestId").asText())
            .count())
        .isEqualTo(1);
  }

  @Test
  void ticketOfAnUnmappedCategoryIsA422NamingTheCategory() {
    ResponseEntity<JsonNode> response =
        post("/api/integrations/service-desk/tickets", ticket("INC-" + UUID.randomUUID(), "coffee-machine"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("category");
    assertThat(response.getBody().path("errors").get(0).path("message").asText()).contains("coffee-machine");
  }

  @Test
  void salesOrderMakesOneRequestPerMappedLineAndReportsTheRest() {
    String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> salesOrder =
        order(order, line(1, "LAPTOP-STD-14", 2), line(2, "MOUSE-USB", 5), line(3, "SVC-VPN", 1));

    ResponseEntity<JsonNode> first = post("/api/integrations/sales-orders", salesOrder);
    ResponseEntity<JsonNode> again = post("/api/integrations/sales-orders", salesOrder);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode result = first.getBody();
    assertThat(result.path("requests").findValuesAsText("lineNumber")).containsExactly("1", "3");
    assertThat(result.path("requests").findValues("request"))
        .extracting(request -> request.path("serviceCode").asText() + "/" + request.path("requestType").asText())
        .containsExactly("LAPTOP_PROVISIONING/NEW_LAPTOP", "NETWORK_ACCESS/VPN_ACCESS");
    assertThat(result.path("requests").get(0).path("request").path("externalReference").asText())
        .isEqualTo(order + "/1");
    assertThat(result.path("requests").get(0).path("request").path("priority").asText()).isEqualTo("MEDIUM");
    assertThat(result.path("unmappedLines")).hasSize(1);
    assertThat(result.path("unmappedLines").get(0).path("sku").asText()).isEqualTo("MOUSE-USB");
    assertThat(result.path("unmappedLines").get(0).path("reason").asText()).contains("MOUSE-USB");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("requests").findValuesAsText("created")).containsOnly("false");
    assertThat(again.getBody().path("requests").findValues("request"))
        .extracting(request -> request.path("requestId").asText())
        .containsExactlyElementsOf(
            result.path("requests").findValues("request").stream().map(r -> r.path("requestId").asText()).toList());
  }

  @Test
  void salesOrderWithoutAnyServiceLineIsA422() {
    ResponseEntity<JsonNode> response =
        post("/api/integrations/sales-orders", order("SO-" + UUID.randomUUID(), line(1, "MOUSE-USB", 1)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody().path("errors").get(0).path("message").asText()).contains("MOUSE-USB");
  }

  @Test
  void salesOrderWithRepeatedLineNumbersIsA400() {
    ResponseEntity<JsonNode> response =
        post(
            "/api/integrations/sales-orders",
            order("SO-" + UUID.randomUUID(), line(1, "SVC-VPN", 1), line(1, "LAPTOP-STD-14", 1)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").findValuesAsText("field")).contains("lineNumbersUnique");
  }

  @Test
  void onlyApiClientsUseTheSystemChannels() {
    ResponseEntity<JsonNode> coordinator =
        http.withBasicAuth("coordinator", "coordinator")
            .postForEntity(
                "/api/integrations/service-desk/tickets",
                json(ticket("INC-" + UUID.randomUUID(), "vpn"), null),
                JsonNode.class);

    assertThat(coordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<JsonNode> post(String path, Object body) {
    return http.withBasicAuth("portal", "portal").postForEntity(path, json(body, null), JsonNode.class);
  }

  private static Map<String, Object> ticket(String number, String category) {
    Map<String, Object> ticket = new LinkedHashMap<>();
    ticket.put("number", number);
    ticket.put("summary", "VPN does not connect since the update");
    ticket.put("description", "Error 809 when connecting from home.");
    ticket.put("reporter", Map.of("name", "Bo Reporter", "email", "bo@customer.example", "customerId", "CUST-7"));
    ticket.put("category", category);
    ticket.put("impact", "HIGH");
    ticket.put("urgency", "MEDIUM");
    return ticket;
  }

  @SafeVarargs
  private static Map<String, Object> order(String number, Map<String, Object>... lines) {
    return Map.of(
        "orderNumber", number,
        "customer", Map.of("id", "CUST-9", "name", "Acme Ltd", "email", "purchasing@acme.example"),
        "lines", List.of(lines));
  }

  private static Map<String, Object> line(int number, String sku, int quantity) {
    return Map.of("lineNumber", number, "sku", sku, "quantity", quantity);
  }
}
