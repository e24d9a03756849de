package io.servicedelivery.intake;

import static io.servicedelivery.intake.ApiRequests.vpnRequest;
import static io.servicedelivery.intake.ApiRequests.with;
import static io.servicedelivery.intake.ServiceRequestApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.testsupport.AsyncJobs;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.TestMailServer;
import io.servicedelivery.testsupport.TestMailServer.ReceivedMail;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The requester's time zone (issue 14): a request may name it, the record keeps it, and the requester's mails give
 * their times there; without one they give them in the zone of the request's resolution calendar. An unknown zone is
 * refused before anything is stored ({@link MalformedRequestTest} has the request API's cases).
 */
@WebIntegrationTest
class RequesterTimeZoneApiTest {

  /** Mon 23 Nov 2026, 08:00 UTC: winter time in New York (EST) and Berlin (CET), 09:00 in Berlin's office hours. */
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceDeliveryRecords records;

  @BeforeEach
  void receiveEverythingAtT0() {
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void deleteRequests() {
    ClockUtil.reset();
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void theMailsOfARequesterWithATimeZoneGiveTheTimesThere() {
    // NETWORK_ACCESS, HIGH counts around the clock (calendar 24X7, in UTC): planned by 09:00 UTC, delivered by 16:00
    String requestId = submit(with(vpnRequest(null), "requester.timeZone", "America/New_York"));

    assertThat(records.get(requestId).requesterTimeZone()).isEqualTo("America/New_York");
    assertThat(acknowledgementOf(requestId).body())
        .contains("Priority:        High")
        .contains("Planned by:      Mon 23 Nov 2026, 04:00 EST")
        .contains("Delivered by:    Mon 23 Nov 2026, 11:00 EST")
        .doesNotContain("UTC");
  }

  @Test
  void withoutATimeZoneTheMailsGiveTheTimesInTheZoneOfTheResolutionCalendar() {
    // NETWORK_ACCESS, MEDIUM counts office hours in Berlin (calendar OFFICE_BERLIN, 08:00-18:00 on weekdays):
    // 4 working hours to plan from 09:00 CET, 24 to deliver (9 on Monday, 10 on Tuesday, 5 on Wednesday)
    String requestId = submit(with(vpnRequest(null), "priority", "MEDIUM"));

    assertThat(records.get(requestId).requesterTimeZone()).isNull();
    assertThat(acknowledgementOf(requestId).body())
        .contains("Priority:        Medium")
        .contains("Planned by:      Mon 23 Nov 2026, 13:00 CET")
        .contains("Delivered by:    Wed 25 Nov 2026, 13:00 CET");
  }

  @Test
  void aServiceDeskTicketCarriesTheReportersTimeZone() {
    Map<String, Object> ticket = ticket("Asia/Tokyo");

    ResponseEntity<JsonNode> created = post("/api/integrations/service-desk/tickets", ticket);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String requestId = created.getBody().path("requestId").asText();
    assertThat(records.get(requestId).requesterTimeZone()).isEqualTo("Asia/Tokyo");
    // impact HIGH and urgency MEDIUM make HIGH: around the clock, planned by 09:00 UTC
    assertThat(acknowledgementOf(requestId).body()).contains("Planned by:      Mon 23 Nov 2026, 18:00 JST");
  }

  @Test
  void aSalesOrderCarriesTheCustomersTimeZone() {
    Map<String, Object> order =
        Map.of(
            "orderNumber", "SO-" + UUID.randomUUID().toString().substring(0, 8),
            "customer",
            Map.of(
                "id", "CUST-9", "name", "Acme Ltd", "email", "purchasing@acme.example", "timeZone", "Europe/London"),
            "lines", List.of(Map.of("lineNumber", 1, "sku", "SVC-VPN", "quantity", 1)));

    ResponseEntity<JsonNode> created = post("/api/integrations/sales-orders", order);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String requestId = created.getBody().path("requests").get(0).path("request").path("requestId").asText();
    assertThat(records.get(requestId).requesterTimeZone()).isEqualTo("Europe/London");
    // an order's requests are MEDIUM: office hours in Berlin, planned by 13:00 CET, which is 12:00 in London
    assertThat(acknowledgementOf(requestId).body()).contains("Planned by:      Mon 23 Nov 2026, 12:00 GMT");
  }

  @Test
  void anUnknownTimeZoneOfATicketsReporterIsA400NamingTheField() {
    long requests = count("service_request");

    ResponseEntity<JsonNode> refused = post("/api/integrations/service-desk/tickets", ticket("Europe/Atlantis"));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("reporter.timeZone");
    assertThat(count("service_request")).isEqualTo(requests);
  }

  private String submit(Map<String, Object> body) {
    ResponseEntity<JsonNode> created = post("/api/service-requests", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().path("requestId").asText();
  }

  private ResponseEntity<JsonNode> post(String path, Object body) {
    return http.withBasicAuth("portal", "portal").postForEntity(path, json(body, null), JsonNode.class);
  }

  /** The acknowledgement as it arrived, once the jobs that send the mails ran. */
  private ReceivedMail acknowledgementOf(String requestId) {
    AsyncJobs.runDue(managementService, null);
    return TestMailServer.received().stream()
        .filter(mail -> mail.subject().equals("We received your service request " + requestId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No acknowledgement of " + requestId + " arrived"));
  }

  private static Map<String, Object> ticket(String timeZone) {
    Map<String, Object> ticket = new LinkedHashMap<>();
    ticket.put("number", "INC-" + UUID.randomUUID());
    ticket.put("summary", "VPN does not connect since the update");
    ticket.put("description", "Error 809 when connecting from home.");
    ticket.put(
        "reporter",
        Map.of("name", "Bo Reporter", "email", "bo@customer.example", "customerId", "CUST-7", "timeZone", timeZone));
    ticket.put("category", "vpn");
    ticket.put("impact", "HIGH");
    ticket.put("urgency", "MEDIUM");
    return ticket;
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
