package io.servicedelivery.metrics;

import static io.servicedelivery.metrics.KpiJson.read;
import static io.servicedelivery.metrics.KpiJson.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The SLA report per customer and per requester: the KPIs of the requests of one customer (customerId=) or requester
 * (requesterEmail=), and GET /api/kpis/by-customer with a row per customer. Two customers with a few known deliveries
 * in June 2019 (and one in the month before), written as records where no other test's requests are:
 *
 * <ul>
 *   <li>KPI-ACME: A1 delivered on time, everything met, 100.00, rated 5, by ada; A2 delivered late
 *       (LAPTOP_PROVISIONING), response and resolution missed, reworked, 50.00, rated 2, by Bob; A3 cancelled with the
 *       response met, by ada; A4 open now;
 *   <li>KPI-GLOBEX: G1 delivered on time, everything met, 80.00, not rated; G0 the same in May, 60.00.
 * </ul>
 */
@WebIntegrationTest
class KpiPerCustomerApiTest {

  private static final String PERIOD = "?from=2019-06-01&to=2019-07-01";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void deliveries() {
    clear();
    delivery("KPI-A1", "KPI-ACME", "ada@acme.example", "NETWORK_ACCESS", "CLOSED", "2019-06-10T12:00:00Z", 24, true,
        "100.00", 5);
    delivery("KPI-A2", "KPI-ACME", "Bob@Acme.example", "LAPTOP_PROVISIONING", "CLOSED", "2019-06-20T12:00:00Z", 48,
        false, "50.00", 2);
    delivery("KPI-A3", "KPI-ACME", "ada@acme.example", "NETWORK_ACCESS", "CANCELLED", "2019-06-25T12:00:00Z", 24,
        true, null, null);
    delivery("KPI-A4", "KPI-ACME", "ada@acme.example", "NETWORK_ACCESS", "OPEN", null, 24, true, null, null);
    delivery("KPI-G1", "KPI-GLOBEX", "cy@globex.example", "NETWORK_ACCESS", "CLOSED", "2019-06-15T12:00:00Z", 12,
        true, "80.00", null);
    delivery("KPI-G0", "KPI-GLOBEX", "cy@globex.example", "NETWORK_ACCESS", "CLOSED", "2019-05-20T12:00:00Z", 24,
        true, "60.00", null);
  }

  @AfterEach
  void clear() {
    jdbc.sql("delete from customer_feedback where request_id like 'KPI-%'").update();
    jdbc.sql("delete from service_delivery_record where request_id like 'KPI-%'").update();
  }

  @Test
  void theKpisOfOneCustomerAreThoseOfItsDeliveries() {
    JsonNode acme = read(get("manager", "/api/kpis" + PERIOD + "&customerId=KPI-ACME"));
    JsonNode globex = read(get("manager", "/api/kpis" + PERIOD + "&customerId=KPI-GLOBEX"));

    assertThat(acme.path("customerId").asText()).isEqualTo("KPI-ACME");
    assertThat(acme.path("requesterEmail").isNull()).isTrue();
    assertThat(render(acme.path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 50.0 (1/2), previous null
            responseSlaCompliance = 66.7 (2/3), previous null
            resolutionSlaCompliance = 50.0 (1/2), previous null
            firstTimeRight = 50.0 (1/2), previous null
            csatAverage = 3.50 (7/2), previous null
            csatResponseRate = 100.0 (2/2), previous null
            averageCost = 75.00 (150.00/2), previous null
            totalCost = 150.00 (150.00/1), previous 0.00
            averageCycleTime = 36.0 (72.00/2), previous null
            openAtRisk = 0 (0/1), previous null
            """);
    assertThat(render(globex.path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 100.0 (1/1), previous 100.0
            responseSlaCompliance = 100.0 (1/1), previous 100.0
            resolutionSlaCompliance = 100.0 (1/1), previous 100.0
            firstTimeRight = 100.0 (1/1), previous 100.0
            csatAverage = null (0/0), previous null
            csatResponseRate = 0.0 (0/1), previous 0.0
            averageCost = 80.00 (80.00/1), previous 60.00
            totalCost = 80.00 (80.00/1), previous 60.00
            averageCycleTime = 12.0 (12.00/1), previous 24.0
            openAtRisk = null (0/0), previous null
            """);
  }

  @Test
  void theKpisOfOneRequesterInAnyCase() {
    JsonNode ada = read(get("manager", "/api/kpis" + PERIOD + "&requesterEmail=ADA@acme.example"));

    assertThat(ada.path("requesterEmail").asText()).isEqualTo("ADA@acme.example");
    assertThat(render(ada.path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 100.0 (1/1), previous null
            responseSlaCompliance = 100.0 (2/2), previous null
            resolutionSlaCompliance = 100.0 (1/1), previous null
            firstTimeRight = 100.0 (1/1), previous null
            csatAverage = 5.00 (5/1), previous null
            csatResponseRate = 100.0 (1/1), previous null
            averageCost = 100.00 (100.00/1), previous null
            totalCost = 100.00 (100.00/1), previous 0.00
            averageCycleTime = 24.0 (24.00/1), previous null
            openAtRisk = 0 (0/1), previous null
            """);
    assertThat(read(get("manager", "/api/kpis" + PERIOD + "&customerId=KPI-GLOBEX&requesterEmail=ada@acme.example"))
            .path("kpis").get(0).path("denominator").asInt())
        .as("a customer and a requester: the requests of both")
        .isZero();
  }

  @Test
  void oneRowPerCustomerWithTheFiguresOfItsOwnReport() {
    JsonNode customers = read(get("manager", "/api/kpis/by-customer" + PERIOD));

    List<String> ids = customers.findValuesAsText("customerId");
    assertThat(ids).contains("KPI-ACME", "KPI-GLOBEX");
    assertThat(ids).as("by customer id").isSorted();
    for (String customer : List.of("KPI-ACME", "KPI-GLOBEX")) {
      JsonNode row = customers.get(ids.indexOf(customer));
      assertThat(row.path("kpis"))
          .as(customer)
          .isEqualTo(read(get("manager", "/api/kpis" + PERIOD + "&customerId=" + customer)).path("kpis"));
    }
    assertThat(customers.get(ids.indexOf("KPI-ACME")).path("kpis"))
        .isNotEqualTo(customers.get(ids.indexOf("KPI-GLOBEX")).path("kpis"));
  }

  @Test
  void theWeeksAndServicesOfOneCustomer() {
    JsonNode weeks = read(get("manager", "/api/kpis/weekly" + PERIOD + "&customerId=KPI-ACME"));
    List<String> delivered = new ArrayList<>();
    weeks.forEach(week -> delivered.add(week.path("weekStart").asText() + " " + week.path("kpis").get(0)
        .path("numerator").asText() + "/" + week.path("kpis").get(0).path("denominator").asText()));
    assertThat(delivered)
        .containsExactly("2019-05-27 0/0", "2019-06-03 0/0", "2019-06-10 1/1", "2019-06-17 0/1", "2019-06-24 0/0");

    JsonNode services = read(get("manager", "/api/kpis/by-service" + PERIOD + "&customerId=KPI-ACME"));
    List<String> onTime = new ArrayList<>();
    services.forEach(service -> onTime.add(service.path("serviceCode").asText() + " "
        + service.path("kpis").get(0).path("numerator").asText() + "/"
        + service.path("kpis").get(0).path("denominator").asText()));
    assertThat(onTime)
        .contains("NETWORK_ACCESS 1/1", "LAPTOP_PROVISIONING 0/1", "DATA_RECOVERY 0/0");
  }

  @Test
  void onlyOperationsManagersAndUnknownParametersAreRefused() {
    assertThat(get("coordinator", "/api/kpis/by-customer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("portal", "/api/kpis?customerId=KPI-ACME").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertInvalid(get("manager", "/api/kpis/by-customer" + PERIOD + "&customerId=KPI-ACME"), "customerId");
    assertInvalid(get("manager", "/api/kpis" + PERIOD + "&customer=KPI-ACME"), "customer");
    assertInvalid(get("manager", "/api/kpis/by-customer?to=yesterday"), "to");
  }

  private void delivery(
      String requestId, String customerId, String requesterEmail, String serviceCode, String outcome, String closed,
      int hours, boolean met, String cost, Integer rating) {
    boolean delivered = outcome.equals("CLOSED");
    Instant closedAt = closed == null ? null : Instant.parse(closed);
    Instant receivedAt =
        (closedAt == null ? Instant.parse("2019-06-30T00:00:00Z") : closedAt).minus(Duration.ofHours(hours));
    Instant completedAt = delivered ? closedAt.minus(Duration.ofHours(2)) : null;
    jdbc.sql(
            """
            insert into service_delivery_record (
              request_id, process_instance_id, channel, received_at, service_code, request_type, priority, title,
              customer_id, requester_email, resolution_due_at, planned_completion_at, completed_at, closed_at, outcome,
              response_met, resolution_met, rework_count, first_time_right, cost, billing_status)
            values (?, ?, 'API', ?, ?, 'ANY', 'MEDIUM', 'Known', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NOT_BILLABLE')""")
        .params(
            requestId,
            "not-running-" + requestId,
            Timestamp.from(receivedAt),
            serviceCode,
            customerId,
            requesterEmail,
            Timestamp.from(receivedAt.plus(Duration.ofHours(72))),
            delivered ? Timestamp.from(completedAt.plus(Duration.ofHours(met ? 1 : -1))) : null,
            completedAt == null ? null : Timestamp.from(completedAt),
            closedAt == null ? null : Timestamp.from(closedAt),
            outcome,
            outcome.equals("OPEN") ? null : met,
            delivered ? met : null,
            met ? 0 : 1,
            delivered ? met : null,
            cost == null ? null : new BigDecimal(cost))
        .update();
    if (rating != null) {
      jdbc.sql("insert into customer_feedback (request_id, rating, rated_at, rated_by) values (?, ?, ?, 'customer')")
          .params(requestId, rating, Timestamp.from(closedAt.plus(Duration.ofHours(1))))
          .update();
    }
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private static void assertInvalid(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(read(response).path("errors").findValuesAsText("field")).containsExactly(field);
  }
}
