package io.servicedelivery.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Operations managers preview the billing export of a period, export its delivered requests, each request once, and
 * fetch an export again by its id. The records are written directly, closed in 2020, where no other test's requests
 * are.
 */
@WebIntegrationTest
class BillingExportApiTest {

  private static final String HEADER =
      "request_id,customer_id,service_code,request_type,priority,title,closed_at,effort_hours,rate_per_hour,"
          + "materials_cost,cost,currency,response_met,resolution_met,first_time_right\r\n";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void deleteRecords() {
    jdbc.sql("delete from service_delivery_record where request_id like 'BILL-%'").update();
    jdbc.sql("delete from billing_export where period_from < '2021-01-01'").update();
  }

  @Test
  void thePreviewMarksNothingTheExportMarksItsRequestsOnceAndIsFetchedAgainById() {
    delivered("BILL-1", "2020-01-01T00:00:00Z", "VPN, for \"Ada\"", true);
    delivered("BILL-2", "2020-01-31T23:59:59Z", "Laptop\nwith dock", false);
    delivered("BILL-3", "2020-02-01T00:00:00Z", "Next month", true);
    delivered("BILL-4", "2019-12-31T23:59:59Z", "Last month", true);
    notDelivered("BILL-5", "2020-01-15T10:00:00Z");
    String january =
        HEADER
            + "BILL-1,CUST-7,NETWORK_ACCESS,VPN_ACCESS,HIGH,\"VPN, for \"\"Ada\"\"\",2020-01-01T00:00:00Z,"
            + "1.50,80.00,12.50,132.50,EUR,true,true,true\r\n"
            + "BILL-2,CUST-7,NETWORK_ACCESS,VPN_ACCESS,HIGH,\"Laptop\nwith dock\",2020-01-31T23:59:59Z,"
            + "1.50,80.00,12.50,132.50,EUR,true,false,true\r\n";

    ResponseEntity<String> preview = preview("manager", "from=2020-01-01&to=2020-02-01");

    assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertCsv(preview);
    assertThat(preview.getBody()).isEqualTo(january);
    assertThat(preview("manager", "from=2020-01-01&to=2020-02-01").getBody()).as("a preview marks nothing")
        .isEqualTo(january);
    assertThat(billingStatuses())
        .containsExactly("BILL-1 UNBILLED", "BILL-2 UNBILLED", "BILL-3 UNBILLED", "BILL-4 UNBILLED",
            "BILL-5 NOT_BILLABLE");

    ResponseEntity<String> export = export("manager", "from=2020-01-01&to=2020-02-01");

    assertThat(export.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertCsv(export);
    assertThat(export.getBody()).isEqualTo(january);
    URI location = export.getHeaders().getLocation();
    assertThat(location.toString()).matches("/api/records/exports/\\d+");
    long exportId = Long.parseLong(location.toString().substring("/api/records/exports/".length()));
    assertThat(billingStatuses())
        .containsExactly("BILL-1 EXPORTED", "BILL-2 EXPORTED", "BILL-3 UNBILLED", "BILL-4 UNBILLED",
            "BILL-5 NOT_BILLABLE");
    assertThat(
            jdbc.sql(
                    """
                    select exported_by || ' ' || records from billing_export e
                    join service_delivery_record r on r.billing_export_id = e.id where r.request_id = 'BILL-1'""")
                .query(String.class)
                .single())
        .isEqualTo("manager 2");

    for (int fetch = 0; fetch < 2; fetch++) {
      ResponseEntity<String> again = get("manager", location.toString());
      assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertCsv(again);
      assertThat(again.getBody()).as("the export, fetched again").isEqualTo(january);
    }
    assertThat(preview("manager", "from=2020-01-01&to=2020-02-01").getBody()).as("nothing left to bill")
        .isEqualTo(HEADER);

    ResponseEntity<JsonNode> second =
        http.withBasicAuth("manager", "manager")
            .postForEntity("/api/records/exports?from=2020-01-01&to=2020-02-01", null, JsonNode.class);
    assertThat(second.getStatusCode()).as("nothing is billed twice").isEqualTo(HttpStatus.CONFLICT);
    assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(second.getBody().path("title").asText()).isEqualTo("Nothing to export");
    assertThat(exportsOfTheTest()).as("a refused export leaves no trace").containsExactly(exportId);
    assertThat(get("manager", location.toString()).getBody()).isEqualTo(january);

    JsonNode list =
        http.withBasicAuth("manager", "manager").getForObject("/api/records/exports", JsonNode.class);
    JsonNode listed = null;
    for (JsonNode item : list) {
      if (item.path("id").asLong() == exportId) {
        listed = item;
      }
    }
    assertThat(listed).as(list.toString()).isNotNull();
    assertThat(listed.path("periodFrom").asText()).isEqualTo("2020-01-01T00:00:00Z");
    assertThat(listed.path("periodTo").asText()).isEqualTo("2020-02-01T00:00:00Z");
    assertThat(listed.path("exportedBy").asText()).isEqualTo("manager");
    assertThat(listed.path("records").asInt()).isEqualTo(2);
    assertThat(list.get(0).path("id").asLong()).as("the newest first").isGreaterThanOrEqualTo(exportId);
  }

  @Test
  void anUnknownExportIsA404Problem() {
    ResponseEntity<String> response = get("manager", "/api/records/exports/999999999");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aMissingUnreadableOrEmptyPeriodIsA400NamingTheParameter() {
    assertInvalid("to=2020-02-01", "from");
    assertInvalid("from=2020-01-01", "to");
    assertInvalid("from=January&to=2020-02-01", "from");
    assertInvalid("from=2020-01-01&to=2020-13-01", "to");
    assertInvalid("from=2020-02-01&to=2020-02-01", "to");
    assertInvalid("from=2020-02-01&to=2020-01-01", "to");
    assertInvalid("from=2020-01-01&to=2020-02-01&customerId=CUST-7", "customerId");
  }

  @Test
  void onlyOperationsManagersSeeAndMakeExports() {
    delivered("BILL-1", "2020-01-01T00:00:00Z", "VPN", true);
    for (String user : new String[] {"staff1", "coordinator", "qa", "analyst", "portal"}) {
      assertThat(export(user, "from=2020-01-01&to=2020-02-01").getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(preview(user, "from=2020-01-01&to=2020-02-01").getStatusCode()).as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get(user, "/api/records/exports").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(billingStatuses()).containsExactly("BILL-1 UNBILLED");
  }

  private void assertInvalid(String query, String parameter) {
    ResponseEntity<JsonNode> preview =
        http.withBasicAuth("manager", "manager").getForEntity("/api/records/export?" + query, JsonNode.class);
    ResponseEntity<JsonNode> export =
        http.withBasicAuth("manager", "manager").postForEntity("/api/records/exports?" + query, null, JsonNode.class);

    for (ResponseEntity<JsonNode> response : List.of(preview, export)) {
      assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(response.getBody().path("errors").findValuesAsText("field")).as(query).containsExactly(parameter);
    }
  }

  private static void assertCsv(ResponseEntity<String> response) {
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
        .isTrue();
  }

  private ResponseEntity<String> preview(String user, String query) {
    return get(user, "/api/records/export?" + query);
  }

  private ResponseEntity<String> export(String user, String query) {
    return http.withBasicAuth(user, user).postForEntity("/api/records/exports?" + query, null, String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private List<Long> exportsOfTheTest() {
    return jdbc.sql("select id from billing_export where period_from < '2021-01-01' order by id")
        .query(Long.class)
        .list();
  }

  private List<String> billingStatuses() {
    return jdbc.sql(
            "select request_id || ' ' || billing_status from service_delivery_record where request_id like 'BILL-%'"
                + " order by request_id")
        .query(String.class)
        .list();
  }

  private void delivered(String requestId, String closedAt, String title, boolean resolutionMet) {
    insert(requestId, closedAt, title, "CLOSED", "UNBILLED", resolutionMet);
  }

  private void notDelivered(String requestId, String closedAt) {
    insert(requestId, closedAt, "Cancelled", "CANCELLED", "NOT_BILLABLE", null);
  }

  private void insert(
      String requestId, String closedAt, String title, String outcome, String billingStatus, Boolean resolutionMet) {
    boolean delivered = outcome.equals("CLOSED");
    jdbc.sql(
            """
            insert into service_delivery_record (
              request_id, process_instance_id, channel, received_at, closed_at, outcome, billing_status, customer_id,
              service_code, request_type, priority, title, effort_hours, cost_rate_per_hour, materials_cost, cost,
              currency, response_met, resolution_met, first_time_right)
            values (?, 'none', 'PORTAL', ?, ?, ?, ?, 'CUST-7', 'NETWORK_ACCESS', 'VPN_ACCESS', 'HIGH', ?, ?, 80.00,
              ?, ?, 'EUR', true, ?, ?)""")
        .param(requestId)
        .param(Timestamp.from(Instant.parse(closedAt).minusSeconds(3600)))
        .param(Timestamp.from(Instant.parse(closedAt)))
        .param(outcome)
        .param(billingStatus)
        .param(title)
        .param(delivered ? new BigDecimal("1.50") : null)
        .param(delivered ? new BigDecimal("12.50") : BigDecimal.ZERO)
        .param(delivered ? new BigDecimal("132.50") : null)
        .param(resolutionMet)
        .param(delivered ? Boolean.TRUE : null)
        .update();
  }
}
