package io.servicedelivery.intake;

import static io.servicedelivery.intake.ApiRequests.vpnRequest;
import static io.servicedelivery.intake.ApiRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding requests in {@code GET /api/service-requests}: by the words of their title, description, external
 * reference and notes (a customer's system finds only the notes meant for the customer), by external reference, the
 * day they were received, the staff member they are allocated to, the requester and the SLA state; and a parameter
 * the list does not know is a 400 naming it. Each test works on requests of a customer of its own, whose words no other
 * request has.
 */
@WebIntegrationTest
class RequestSearchApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  /** a word no other request of the database has */
  private String token;
  private String customer;
  private final List<String> requestIds = new ArrayList<>();

  @BeforeEach
  void newCustomer() {
    token = "zq" + UUID.randomUUID().toString().substring(0, 8);
    customer = "CUST-" + token;
  }

  @AfterEach
  void deleteRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
    for (String requestId : requestIds) {
      jdbc.sql("delete from request_note where request_id = ?").param(requestId).update();
      jdbc.sql("delete from sla_pause where request_id = ?").param(requestId).update();
    }
  }

  @Test
  void theWordsOfTitleDescriptionReferenceAndCommentsFindTheRequestAndInternalNotesOnlyForTheStaff() {
    String byTitle = submit("title", "VPN for the " + token + " office in Berlin");
    String byDescription = submit("description", "The colleague in the " + token.toUpperCase() + " team needs it.");
    String byReference = submit("externalReference", "EXT-" + token);
    String byComment = submit("title", "Network access");
    String byWorkNote = submit("title", "Network access again");
    note(byComment, "COMMENT", "CUSTOMER", "Please use the " + token + "-gateway, thank you.");
    note(byWorkNote, "WORK_NOTE", "INTERNAL", "Internal: the " + token + " firewall rule is a hack.");

    assertThat(ids("portal", "q", token)).as("the customer's system")
        .containsExactlyInAnyOrder(byTitle, byDescription, byReference, byComment);
    assertThat(ids("coordinator", "q", token)).as("the staff find internal notes too")
        .containsExactlyInAnyOrder(byTitle, byDescription, byReference, byComment, byWorkNote);
    assertThat(ids("portal", "q", token.toUpperCase() + " berlin")).as("every word, in any case")
        .containsExactly(byTitle);
    assertThat(ids("portal", "q", token + " paris")).isEmpty();
    assertThat(ids("portal", "q", "firewall " + token)).as("an internal note's words are not the customer's")
        .isEmpty();
    assertThat(ids("coordinator", "q", "firewall " + token)).containsExactly(byWorkNote);
    assertThat(ids("portal", "q", byComment)).as("the request id").containsExactly(byComment);
    assertThat(ids("portal", "q", "ext-" + token)).as("part of the external reference").containsExactly(byReference);
  }

  @Test
  void wildcardsInTheWordsAreTakenLiterally() {
    String percent = submit("title", "Printer " + token + " 100% broken");
    String digits = submit("title", "Printer " + token + " 1000 pages");
    String underscore = submit("title", "Share " + token + "_a");
    String other = submit("title", "Share " + token + "ba");

    assertThat(ids("portal", "q", token + " 100%")).containsExactly(percent);
    assertThat(ids("portal", "q", token + "_a")).containsExactly(underscore);
    assertThat(ids("portal", "q", token + "%")).isEmpty();
    assertThat(ids("portal", "q", token + " 100")).containsExactlyInAnyOrder(percent, digits);
    assertThat(ids("portal", "q", token + "ba")).containsExactly(other);
  }

  @Test
  void byExternalReferenceExactlyAndByRequester() {
    String first = submit("externalReference", "EXT-" + token + "-1");
    String second = submit("externalReference", "EXT-" + token + "-10");
    String ada = submit("requester.email", "Ada." + token + "@Customer.example");

    assertThat(ids("portal", "externalReference", "EXT-" + token + "-1")).containsExactly(first);
    assertThat(ids("portal", "externalReference", "EXT-" + token + "-10")).containsExactly(second);
    assertThat(ids("portal", "externalReference", "EXT-" + token)).isEmpty();
    assertThat(ids("portal", "requesterEmail", "ada." + token + "@customer.example")).containsExactly(ada);
  }

  @Test
  void byTheDaysReceivedInUtcFromInclusiveToExclusive() {
    String may9 = submit("title", "Received on 9 May");
    String may10 = submit("title", "Received on 10 May");
    String may11 = submit("title", "Received on 11 May");
    received(may9, "2020-05-09T23:59:59Z");
    received(may10, "2020-05-10T00:00:00Z");
    received(may11, "2020-05-11T00:00:00Z");

    assertThat(ids("coordinator", "receivedFrom", "2020-05-10", "receivedTo", "2020-05-11")).containsExactly(may10);
    assertThat(ids("coordinator", "receivedFrom", "2020-05-10")).contains(may10, may11).doesNotContain(may9);
    assertThat(ids("coordinator", "receivedTo", "2020-05-11")).containsExactly(may10, may9);
  }

  @Test
  void byTheStaffMemberTheRequestIsAllocatedTo() {
    String allocated = submit("title", "Allocated");
    String released = submit("title", "Released");
    String closed = submit("title", "Closed");
    submit("title", "Not allocated");
    jdbc.sql("insert into resource_reservation (request_id, user_id, reserved_at) values (?, 'staff1', ?)")
        .params(allocated, Timestamp.from(clock.instant()))
        .update();
    jdbc.sql(
            """
            insert into resource_reservation (request_id, user_id, reserved_at, released_at)
            values (?, 'staff1', ?, ?)""")
        .params(released, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
        .update();
    jdbc.sql("update service_delivery_record set assigned_to = 'staff1' where request_id = ?").param(closed).update();

    assertThat(ids("coordinator", "assignee", "staff1")).containsExactlyInAnyOrder(allocated, closed);
    assertThat(ids("staff1", "assignee", "staff1")).containsExactlyInAnyOrder(allocated, closed);
    assertThat(ids("coordinator", "assignee", "staff2")).isEmpty();
    assertInvalid(search("portal", "customerId", customer, "assignee", "staff1"), "assignee");
  }

  @Test
  void bySlaStateAsTheListShowsIt() {
    String onTrack = submit("title", "On track");
    String atRisk = submit("title", "At risk");
    String breachedFlagged = submit("title", "Breached, flagged");
    String breachedByTheClock = submit("title", "Breached, not flagged yet");
    String paused = submit("title", "Paused");
    String met = submit("title", "Met");
    String missed = submit("title", "Missed");
    Instant now = clock.instant();
    // 90 of 100 days used: at risk from 75 % in any calendar of working weeks
    jdbc.sql("update service_delivery_record set received_at = ?, resolution_due_at = ? where request_id = ?")
        .params(Timestamp.from(now.minus(Duration.ofDays(90))), Timestamp.from(now.plus(Duration.ofDays(10))), atRisk)
        .update();
    jdbc.sql("update service_delivery_record set sla_breached_at = ? where request_id = ?")
        .params(Timestamp.from(now), breachedFlagged)
        .update();
    jdbc.sql("update service_delivery_record set received_at = ?, resolution_due_at = ? where request_id = ?")
        .params(Timestamp.from(now.minus(Duration.ofDays(20))), Timestamp.from(now.minus(Duration.ofDays(1))),
            breachedByTheClock)
        .update();
    jdbc.sql("insert into sla_pause (request_id, reason, started_at) values (?, 'Which office?', ?)")
        .params(paused, Timestamp.from(now))
        .update();
    jdbc.sql("update service_delivery_record set outcome = 'CLOSED', resolution_met = ? where request_id = ?")
        .params(true, met)
        .update();
    jdbc.sql("update service_delivery_record set outcome = 'CLOSED', resolution_met = ? where request_id = ?")
        .params(false, missed)
        .update();

    assertThat(ids("portal", "slaState", "ON_TRACK")).containsExactly(onTrack);
    assertThat(ids("portal", "slaState", "AT_RISK")).containsExactly(atRisk);
    assertThat(ids("portal", "slaState", "BREACHED")).containsExactlyInAnyOrder(breachedFlagged, breachedByTheClock);
    assertThat(ids("portal", "slaState", "PAUSED")).containsExactly(paused);
    assertThat(ids("portal", "slaState", "MET")).containsExactly(met);
    assertThat(ids("portal", "slaState", "MISSED")).containsExactly(missed);
    JsonNode all = search("portal", "customerId", customer).getBody();
    for (JsonNode item : all.path("items")) {
      assertThat(ids("portal", "slaState", item.path("slaState").asText()))
          .as("the filter finds each request in the state the list shows")
          .contains(item.path("requestId").asText());
    }
    JsonNode page = search("portal", "customerId", customer, "slaState", "BREACHED", "size", "1", "page", "1")
        .getBody();
    assertThat(page.path("totalItems").asLong()).isEqualTo(2);
    assertThat(page.path("totalPages").asLong()).isEqualTo(2);
    assertThat(page.path("items").findValuesAsText("requestId")).containsExactly(breachedByTheClock);
  }

  @Test
  void anUnknownParameterIsA400NamingIt() {
    ResponseEntity<JsonNode> response = search("portal", "customerId", customer, "query", "vpn");
    assertInvalid(response, "query");
    assertThat(response.getBody().path("errors").get(0).path("message").asText())
        .startsWith("is not a parameter of this operation; it takes assignee, customerId, externalReference, page, q,");
    assertInvalid(search("coordinator", "serviceCode", "NETWORK_ACCESS", "sort", "title"), "sort");
    assertInvalid(search("portal", "slaState", "LATE"), "slaState");
    assertInvalid(search("portal", "receivedFrom", "2020-5-1"), "receivedFrom");
    assertInvalid(search("portal", "receivedFrom", "2020-05-02", "receivedTo", "2020-05-02"), "receivedTo");
    assertInvalid(search("portal", "q", "a b c d e f g h i j k"), "q");

    ResponseEntity<JsonNode> catalog =
        http.withBasicAuth("portal", "portal").getForEntity(uri("/api/catalog/services?lang=de"), JsonNode.class);
    assertInvalid(catalog, "lang");
    assertThat(catalog.getBody().path("errors").get(0).path("message").asText())
        .isEqualTo("is not a parameter of this operation, which takes none");
  }

  /** Submits a request of this test's customer through the portal, the field changed. */
  private String submit(String field, String value) {
    Map<String, Object> body = with(with(vpnRequest(null), "requester.customerId", customer), field, value);
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("portal", "portal")
            .postForEntity("/api/service-requests", ServiceRequestApiTest.json(body, null), JsonNode.class);
    assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.CREATED);
    String requestId = response.getBody().path("requestId").asText();
    requestIds.add(requestId);
    return requestId;
  }

  private void note(String requestId, String kind, String visibility, String body) {
    jdbc.sql(
            """
            insert into request_note (request_id, kind, visibility, source, author, body, created_at)
            values (?, ?, ?, 'API', 'someone', ?, ?)""")
        .params(requestId, kind, visibility, body, Timestamp.from(clock.instant()))
        .update();
  }

  private void received(String requestId, String at) {
    jdbc.sql("update service_delivery_record set received_at = ? where request_id = ?")
        .params(Timestamp.from(Instant.parse(at)), requestId)
        .update();
  }

  /** The ids of the requests of this test's customer that the user finds with the parameters, newest first. */
  private List<String> ids(String user, String... parameters) {
    String[] all = new String[parameters.length + 4];
    System.arraycopy(parameters, 0, all, 0, parameters.length);
    all[parameters.length] = "customerId";
    all[parameters.length + 1] = customer;
    all[parameters.length + 2] = "size";
    all[parameters.length + 3] = "100";
    ResponseEntity<JsonNode> response = search(user, all);
    assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().path("totalItems").asLong()).isEqualTo(response.getBody().path("items").size());
    return response.getBody().path("items").findValuesAsText("requestId");
  }

  private ResponseEntity<JsonNode> search(String user, String... parameters) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      query.put(parameters[i], parameters[i + 1]);
    }
    StringBuilder path = new StringBuilder("/api/service-requests");
    query.forEach(
        (name, value) ->
            path.append(path.indexOf("?") < 0 ? "?" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return http.withBasicAuth(user, user).getForEntity(uri(path.toString()), JsonNode.class);
  }

  private URI uri(String path) {
    return URI.create(http.getRootUri() + path);
  }

  private static void assertInvalid(ResponseEntity<JsonNode> response, String parameter) {
    assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly(parameter);
  }
}
