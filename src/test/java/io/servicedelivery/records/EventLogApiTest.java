package io.servicedelivery.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/records/event-log} over HTTP: the period and service filters, the trace attributes the records
 * give, the 400s and the 403s, and an export of several pages, alone and by 64 managers at once. The records are
 * written directly (without an engine history, so their traces have no events) in 2018 and 2019, where no other
 * test's requests are; a request walked through the processes is {@link EventLogHistoryTest}.
 */
@WebIntegrationTest
class EventLogApiTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @AfterEach
  void deleteRecords() {
    jdbc.sql("delete from service_delivery_record where request_id like 'XES-%'").update();
  }

  @Test
  void theLogHasATraceForEachRequestReceivedInThePeriodOldestFirstWithWhatItsRecordSays() {
    record("XES-A", "2019-01-01T00:00:00Z", "NETWORK_ACCESS", "CLOSED", true, null, new BigDecimal("132.50"));
    record("XES-B", "2019-01-15T10:00:00Z", "WORKPLACE_SETUP", "OPEN", null, null, null);
    record("XES-C", "2019-01-31T23:59:59Z", "NETWORK_ACCESS", "OPEN", null, "2019-02-01T08:00:00Z", null);
    record("XES-D", "2019-02-01T00:00:00Z", "NETWORK_ACCESS", "CLOSED", true, null, null);
    record("XES-E", "2018-12-31T23:59:59Z", "NETWORK_ACCESS", "CLOSED", true, null, null);
    record("XES-F", "2019-01-20T00:00:00Z", "NETWORK_ACCESS", "CANCELLED", null, null, null);
    record("XES-G", "2019-01-21T00:00:00Z", "NETWORK_ACCESS", "CLOSED", false, null, new BigDecimal("80"));

    ResponseEntity<byte[]> response = export("manager", "from=2019-01-01&to=2019-02-01");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"event-log-2019-01-01-2019-02-01.xes\"");
    XesDocument log = XesDocument.read(response.getBody()).assertConsistent();
    assertThat(log.log.getAttribute("xes.version")).isEqualTo("1849.2016");
    assertThat(log.attributes)
        .containsEntry("concept:name", "Service delivery")
        .containsEntry("lifecycle:model", "standard")
        .containsEntry("periodFrom", "2019-01-01T00:00:00.000Z")
        .containsEntry("periodTo", "2019-02-01T00:00:00.000Z")
        .doesNotContainKey("serviceCode");
    assertThat(log.classifiers)
        .containsEntry("Activity", "concept:name")
        .containsEntry("ActivityAndTransition", "concept:name lifecycle:transition")
        .containsEntry("Resource", "org:resource");
    assertThat(log.traceNames()).as("received from the start of from to the start of to, oldest first")
        .containsExactly("XES-A", "XES-B", "XES-F", "XES-G", "XES-C");
    assertThat(log.traces)
        .extracting(
            trace -> trace.get("serviceCode"), trace -> trace.get("serviceName"), trace -> trace.get("outcome"),
            trace -> trace.get("slaOutcome"), trace -> trace.get("cost:total"), trace -> trace.get("cost:currency"))
        .containsExactly(
            tuple("NETWORK_ACCESS", "Network access", "CLOSED", "met", "132.50", "EUR"),
            tuple("WORKPLACE_SETUP", null, "OPEN", "open", null, null),
            tuple("NETWORK_ACCESS", "Network access", "CANCELLED", "none", null, null),
            tuple("NETWORK_ACCESS", "Network access", "CLOSED", "breached", "80.00", "EUR"),
            tuple("NETWORK_ACCESS", "Network access", "OPEN", "breached", null, null));
    assertThat(log.trace("XES-A").attributes())
        .containsEntry("receivedAt", "2019-01-01T00:00:00.000Z")
        .containsEntry("priority", "HIGH")
        .containsEntry("customer", "CUST-7")
        .containsEntry("channel", "PORTAL")
        .containsEntry("requestType", "VPN_ACCESS")
        .containsEntry("closedAt", "2019-01-01T02:00:00.000Z")
        .containsEntry("reworks", "0")
        .containsEntry("reopenings", "0")
        .containsEntry("responseMet", "true");
    assertThat(log.trace("XES-A").events()).as("no engine history for a record written directly").isEmpty();

    XesDocument network = read(export("manager", "from=2019-01-01&to=2019-02-01&serviceCode=NETWORK_ACCESS"));
    assertThat(network.traceNames()).containsExactly("XES-A", "XES-F", "XES-G", "XES-C");
    assertThat(network.attributes).containsEntry("serviceCode", "NETWORK_ACCESS");

    ResponseEntity<byte[]> unknown = export("manager", "from=2019-01-01&to=2019-02-01&serviceCode=NO_SUCH_SERVICE");
    assertThat(unknown.getStatusCode()).as("an unknown service has no requests").isEqualTo(HttpStatus.OK);
    assertThat(read(unknown).traces).isEmpty();
    assertThat(read(export("manager", "from=1999-01-01&to=2000-01-01")).traces).as("an empty period").isEmpty();
  }

  @Test
  void valuesWithTheCharactersOfXmlAndBeyondAsciiArriveAsTheyWere() {
    record("XES-X", "2019-03-01T00:00:00Z", "NETWORK_ACCESS", "OPEN", null, null, null);
    jdbc.sql("update service_delivery_record set customer_id = ?, request_type = ? where request_id = 'XES-X'")
        .param("<Müller & \"Söhne\">")
        .param("VPN'Ä")
        .update();

    XesDocument.Trace trace = read(export("manager", "from=2019-03-01&to=2019-03-02")).trace("XES-X");

    assertThat(trace.get("customer")).isEqualTo("<Müller & \"Söhne\">");
    assertThat(trace.get("requestType")).isEqualTo("VPN'Ä");
  }

  @Test
  void aLongPeriodIsWrittenAPageOfTracesAtATimeEachTraceOnceAndInOrder() {
    List<String> expected = insertMany(450);

    XesDocument log = read(export("manager", "from=2018-03-01&to=2018-04-01"));

    assertThat(log.traceNames()).as("200 + 200 + 50 traces, read in three pages").isEqualTo(expected);
  }

  @Test
  void sixtyFourManagersExportingAtOnceEachGetTheWholeLog() throws Exception {
    List<String> expected = insertMany(450);
    // the JDK's client, which opens a connection per call: all 64 calls reach the server at once
    HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/records/event-log?from=2018-03-01&to=2018-04-01"))
            .header(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofMinutes(2))
            .build();
    List<CompletableFuture<HttpResponse<byte[]>>> exports = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      exports.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
    }
    for (CompletableFuture<HttpResponse<byte[]>> export : exports) {
      HttpResponse<byte[]> response = export.get(2, TimeUnit.MINUTES);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(XesDocument.read(response.body()).traceNames()).isEqualTo(expected);
    }
  }

  @Test
  void aMissingUnreadableOrEmptyPeriodOrABlankServiceIsA400NamingTheParameter() {
    assertInvalid("to=2020-02-01", "from");
    assertInvalid("from=2020-01-01", "to");
    assertInvalid("from=January&to=2020-02-01", "from");
    assertInvalid("from=2020-01-01&to=2020-13-01", "to");
    assertInvalid("from=2020-02-01&to=2020-02-01", "from");
    assertInvalid("from=2020-02-01&to=2020-01-01", "from");
    assertInvalid("from=2020-01-01&to=2020-02-01&serviceCode=", "serviceCode");
    assertInvalid("from=2020-01-01&to=2020-02-01&serviceCode= ", "serviceCode");
    assertInvalid("from=2020-01-01&to=2020-02-01&customerId=CUST-7", "customerId");
  }

  @Test
  void onlyOperationsManagersExportTheEventLog() {
    for (String user : new String[] {"staff1", "coordinator", "qa", "analyst", "portal"}) {
      assertThat(export(user, "from=2019-01-01&to=2019-02-01").getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.getForEntity("/api/records/event-log?from=2019-01-01&to=2019-02-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void assertInvalid(String query, String parameter) {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("manager", "manager").getForEntity("/api/records/event-log?" + query, JsonNode.class);

    assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("errors").findValuesAsText("field")).as(query).containsExactly(parameter);
  }

  private ResponseEntity<byte[]> export(String user, String query) {
    return http.withBasicAuth(user, user).getForEntity("/api/records/event-log?" + query, byte[].class);
  }

  private static XesDocument read(ResponseEntity<byte[]> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return XesDocument.read(response.getBody()).assertConsistent();
  }

  /** @return the ids of {@code count} requests received in March 2018, some at the same moment, in arrival order */
  private List<String> insertMany(int count) {
    Instant start = Instant.parse("2018-03-01T00:00:00Z");
    return IntStream.range(0, count)
        .mapToObj(i -> {
          // three requests a minute, all three at the same second: the pages break between equal times too
          String id = String.format("XES-%04d", i);
          record(id, start.plus(Duration.ofMinutes(i / 3)).toString(), "NETWORK_ACCESS", "OPEN", null, null, null);
          return id;
        })
        .toList();
  }

  private void record(
      String requestId, String receivedAt, String serviceCode, String outcome, Boolean resolutionMet,
      String breachedAt, BigDecimal cost) {
    Instant received = Instant.parse(receivedAt);
    jdbc.sql(
            """
            insert into service_delivery_record (
              request_id, process_instance_id, channel, received_at, closed_at, outcome, customer_id, service_code,
              catalog_version, request_type, priority, title, response_met, resolution_met, sla_breached_at, cost,
              currency)
            values (?, ?, 'PORTAL', ?, ?, ?, 'CUST-7', ?, 1, 'VPN_ACCESS', 'HIGH', 'VPN', true, ?, ?, ?, ?)""")
        .param(requestId)
        .param("none-" + requestId)
        .param(Timestamp.from(received))
        .param(outcome.equals("OPEN") ? null : Timestamp.from(received.plus(Duration.ofHours(2))))
        .param(outcome)
        .param(serviceCode)
        .param(resolutionMet)
        .param(breachedAt == null ? null : Timestamp.from(Instant.parse(breachedAt)))
        .param(cost)
        .param(cost == null ? null : "EUR")
        .update();
  }
}
