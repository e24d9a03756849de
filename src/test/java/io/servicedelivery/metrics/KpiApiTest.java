package io.servicedelivery.metrics;

import static io.servicedelivery.metrics.KpiJson.read;
import static io.servicedelivery.metrics.KpiJson.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.SampleRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * The KPI API over HTTP, against a generated history (see {@link DeliveryHistory}): 210 requests that ended in the
 * four weeks from Monday 2025-03-03, 112 in the four weeks before, one at the end of the period (not in it) and one
 * long before; and seven open requests now, five of them running, three of these at risk or breached. The expected
 * figures follow from the history's rules; each line reads "key = value (numerator/denominator), previous value".
 */
@WebIntegrationTest
class KpiApiTest {

  private static final Instant FROM = Instant.parse("2025-03-03T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-03-31T00:00:00Z");
  private static final String PERIOD = "?from=2025-03-03&to=2025-03-31T00:00:00Z";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired Clock clock;

  @BeforeEach
  void generateHistory() {
    clear();
    DeliveryHistory.insert(jdbc, "C", FROM, 210, Duration.ofMinutes(192));
    DeliveryHistory.insert(jdbc, "P", FROM.minus(Duration.ofDays(28)), 112, Duration.ofMinutes(360));
    DeliveryHistory.insert(jdbc, "X", TO, 1, Duration.ZERO);
    DeliveryHistory.insert(jdbc, "Y", Instant.parse("2025-01-15T00:00:00Z"), 1, Duration.ZERO);
    running("KPI-R1", "NETWORK_ACCESS", "VPN_ACCESS", "AT_RISK");
    running("KPI-R2", "NETWORK_ACCESS", "VPN_ACCESS", "BREACHED");
    running("KPI-R3", "NETWORK_ACCESS", "VPN_ACCESS", "PAUSED");
    running("KPI-R4", "LAPTOP_PROVISIONING", "NEW_LAPTOP", "AT_RISK");
    running("KPI-R5", "LAPTOP_PROVISIONING", "NEW_LAPTOP", "ON_TRACK");
    // open, but their deliveries (of DATA_RECOVERY and LAPTOP_PROVISIONING) are not running: never at risk
    DeliveryHistory.insert(jdbc, "O", TO, 2, Duration.ofDays(1));
    jdbc.sql("update service_delivery_record set outcome = 'OPEN', closed_at = null where request_id like 'O-%'")
        .update();
  }

  @AfterEach
  void clear() {
    RunningRequests.deleteAll(runtimeService, jdbc);
    jdbc.sql("delete from customer_feedback").update();
    jdbc.sql("delete from delivery_objection").update();
    jdbc.sql("delete from service_delivery_record").update();
  }

  @Test
  void theKpisOfAPeriodWithThePreviousPeriodsValues() {
    ResponseEntity<String> response = get("manager", "/api/kpis" + PERIOD);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = read(response);
    assertThat(report.path("from").asText()).isEqualTo("2025-03-03T00:00:00Z");
    assertThat(report.path("to").asText()).isEqualTo("2025-03-31T00:00:00Z");
    assertThat(report.has("serviceCode")).isTrue();
    assertThat(report.path("serviceCode").isNull()).isTrue();
    assertThat(report.path("kpis").get(0).toString())
        .isEqualTo("{\"key\":\"onTimeDelivery\",\"label\":\"On-time delivery\",\"unit\":\"PERCENT\",\"value\":64.4,"
            + "\"numerator\":96,\"denominator\":149,\"previousValue\":64.6}");
    assertThat(render(report.path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 64.4 (96/149), previous 64.6
            responseSlaCompliance = 87.5 (161/184), previous 87.8
            resolutionSlaCompliance = 82.6 (123/149), previous 82.3
            firstTimeRight = 85.9 (128/149), previous 86.1
            csatAverage = 3.01 (316/105), previous 2.93
            csatResponseRate = 70.5 (105/149), previous 70.9
            averageCost = 49.83 (6727.50/135), previous 49.48
            totalCost = 6727.50 (6727.50/1), previous 3562.50
            averageCycleTime = 38.0 (5664.00/149), previous 38.1
            openAtRisk = 3 (3/7), previous null
            """);
    assertThat(report.path("kpis").findValuesAsText("unit"))
        .containsExactly(
            "PERCENT", "PERCENT", "PERCENT", "PERCENT", "SCORE", "PERCENT", "MONEY", "MONEY", "HOURS", "COUNT");
  }

  @Test
  void theKpisOfOneService() {
    JsonNode report = read(get("manager", "/api/kpis" + PERIOD + "&serviceCode=NETWORK_ACCESS"));

    assertThat(report.path("serviceCode").asText()).isEqualTo("NETWORK_ACCESS");
    assertThat(render(report.path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 65.5 (19/29), previous 66.7
            responseSlaCompliance = 91.7 (33/36), previous 94.7
            resolutionSlaCompliance = 79.3 (23/29), previous 80.0
            firstTimeRight = 89.7 (26/29), previous 93.3
            csatAverage = 3.00 (63/21), previous 3.00
            csatResponseRate = 72.4 (21/29), previous 66.7
            averageCost = 49.48 (1435.00/29), previous 49.50
            totalCost = 1435.00 (1435.00/1), previous 742.50
            averageCycleTime = 38.5 (1116.00/29), previous 39.2
            openAtRisk = 2 (2/3), previous null
            """);
  }

  @Test
  void theKpisOfEveryServiceByName() {
    JsonNode services = read(get("manager", "/api/kpis/by-service" + PERIOD));

    assertThat(services.findValuesAsText("serviceCode"))
        .containsExactly(
            "DATA_RECOVERY", "LAPTOP_PROVISIONING", "NETWORK_ACCESS", "ONSITE_REPAIR", "SOFTWARE_INSTALLATION");
    assertThat(services.get(0).path("serviceName").asText()).isEqualTo("Data recovery");
    assertThat(render(services.get(0).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 63.3 (19/30), previous 62.5
            responseSlaCompliance = 89.2 (33/37), previous 90.0
            resolutionSlaCompliance = 83.3 (25/30), previous 81.3
            firstTimeRight = 86.7 (26/30), previous 81.3
            csatAverage = 3.00 (60/20), previous 2.55
            csatResponseRate = 66.7 (20/30), previous 68.8
            averageCost = 49.75 (1492.50/30), previous 48.91
            totalCost = 1492.50 (1492.50/1), previous 782.50
            averageCycleTime = 37.6 (1128.00/30), previous 36.8
            openAtRisk = 0 (0/1), previous null
            """);
    assertThat(render(services.get(1).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 66.7 (20/30), previous 68.8
            responseSlaCompliance = 83.8 (31/37), previous 85.0
            resolutionSlaCompliance = 83.3 (25/30), previous 81.3
            firstTimeRight = 83.3 (25/30), previous 81.3
            csatAverage = 3.10 (65/21), previous 2.92
            csatResponseRate = 70.0 (21/30), previous 75.0
            averageCost = 50.08 (1502.50/30), previous 49.69
            totalCost = 1502.50 (1502.50/1), previous 795.00
            averageCycleTime = 38.0 (1140.00/30), previous 39.0
            openAtRisk = 1 (1/3), previous null
            """);
    assertThat(services.get(2).path("kpis")).isEqualTo(read(get("manager", "/api/kpis" + PERIOD
        + "&serviceCode=NETWORK_ACCESS")).path("kpis"));
    assertThat(render(services.get(3).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 63.3 (19/30), previous 62.5
            responseSlaCompliance = 89.2 (33/37), previous 84.2
            resolutionSlaCompliance = 83.3 (25/30), previous 81.3
            firstTimeRight = 83.3 (25/30), previous 87.5
            csatAverage = 3.00 (66/22), previous 3.00
            csatResponseRate = 73.3 (22/30), previous 75.0
            averageCost = 50.47 (807.50/16), previous 50.00
            totalCost = 807.50 (807.50/1), previous 450.00
            averageCycleTime = 38.4 (1152.00/30), previous 38.3
            openAtRisk = null (0/0), previous null
            """);
    assertThat(render(services.get(4).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 63.3 (19/30), previous 62.5
            responseSlaCompliance = 83.8 (31/37), previous 85.0
            resolutionSlaCompliance = 83.3 (25/30), previous 87.5
            firstTimeRight = 86.7 (26/30), previous 87.5
            csatAverage = 2.95 (62/21), previous 3.18
            csatResponseRate = 70.0 (21/30), previous 68.8
            averageCost = 49.67 (1490.00/30), previous 49.53
            totalCost = 1490.00 (1490.00/1), previous 792.50
            averageCycleTime = 37.6 (1128.00/30), previous 37.5
            openAtRisk = null (0/0), previous null
            """);
  }

  @Test
  void theKpisPerIsoWeekWithoutPreviousValues() {
    JsonNode weeks = read(get("manager", "/api/kpis/weekly" + PERIOD));

    assertThat(weeks.findValuesAsText("weekStart"))
        .containsExactly("2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24");
    assertThat(render(weeks.get(0).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 64.1 (25/39)
            responseSlaCompliance = 87.2 (41/47)
            resolutionSlaCompliance = 82.1 (32/39)
            firstTimeRight = 84.6 (33/39)
            csatAverage = 2.82 (79/28)
            csatResponseRate = 71.8 (28/39)
            averageCost = 49.50 (1732.50/35)
            totalCost = 1732.50 (1732.50/1)
            averageCycleTime = 38.2 (1488.00/39)
            openAtRisk = null (0/0)
            """);
    assertThat(render(weeks.get(1).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 62.9 (22/35)
            responseSlaCompliance = 86.7 (39/45)
            resolutionSlaCompliance = 82.9 (29/35)
            firstTimeRight = 88.6 (31/35)
            csatAverage = 3.21 (77/24)
            csatResponseRate = 68.6 (24/35)
            averageCost = 49.22 (1575.00/32)
            totalCost = 1575.00 (1575.00/1)
            averageCycleTime = 37.7 (1320.00/35)
            openAtRisk = null (0/0)
            """);
    assertThat(render(weeks.get(2).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 66.7 (26/39)
            responseSlaCompliance = 89.4 (42/47)
            resolutionSlaCompliance = 82.1 (32/39)
            firstTimeRight = 84.6 (33/39)
            csatAverage = 3.11 (87/28)
            csatResponseRate = 71.8 (28/39)
            averageCost = 49.64 (1737.50/35)
            totalCost = 1737.50 (1737.50/1)
            averageCycleTime = 38.5 (1500.00/39)
            openAtRisk = null (0/0)
            """);
    assertThat(render(weeks.get(3).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 63.9 (23/36)
            responseSlaCompliance = 86.7 (39/45)
            resolutionSlaCompliance = 83.3 (30/36)
            firstTimeRight = 86.1 (31/36)
            csatAverage = 2.92 (73/25)
            csatResponseRate = 69.4 (25/36)
            averageCost = 50.98 (1682.50/33)
            totalCost = 1682.50 (1682.50/1)
            averageCycleTime = 37.7 (1356.00/36)
            openAtRisk = null (0/0)
            """);
  }

  @Test
  void theFirstAndLastWeekAreCutToThePeriod() {
    JsonNode weeks = read(get("manager", "/api/kpis/weekly?from=2025-03-05T12:00:00Z&to=2025-03-12"));

    assertThat(weeks.findValuesAsText("weekStart")).containsExactly("2025-03-03", "2025-03-10");
    assertThat(render(weeks.get(0).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 64.0 (16/25)
            responseSlaCompliance = 90.0 (27/30)
            resolutionSlaCompliance = 84.0 (21/25)
            firstTimeRight = 80.0 (20/25)
            csatAverage = 3.11 (56/18)
            csatResponseRate = 72.0 (18/25)
            averageCost = 50.54 (1162.50/23)
            totalCost = 1162.50 (1162.50/1)
            averageCycleTime = 38.4 (960.00/25)
            openAtRisk = null (0/0)
            """);
    assertThat(render(weeks.get(1).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 70.0 (7/10)
            responseSlaCompliance = 84.6 (11/13)
            resolutionSlaCompliance = 80.0 (8/10)
            firstTimeRight = 90.0 (9/10)
            csatAverage = 3.00 (21/7)
            csatResponseRate = 70.0 (7/10)
            averageCost = 49.25 (492.50/10)
            totalCost = 492.50 (492.50/1)
            averageCycleTime = 39.6 (396.00/10)
            openAtRisk = null (0/0)
            """);
  }

  @Test
  void theWeeksOfOneService() {
    JsonNode weeks = read(get("manager", "/api/kpis/weekly" + PERIOD + "&serviceCode=NETWORK_ACCESS"));

    assertThat(render(weeks.get(1).path("kpis")))
        .isEqualTo(
            """
            onTimeDelivery = 66.7 (4/6)
            responseSlaCompliance = 88.9 (8/9)
            resolutionSlaCompliance = 83.3 (5/6)
            firstTimeRight = 100.0 (6/6)
            csatAverage = 3.60 (18/5)
            csatResponseRate = 83.3 (5/6)
            averageCost = 47.08 (282.50/6)
            totalCost = 282.50 (282.50/1)
            averageCycleTime = 38.0 (228.00/6)
            openAtRisk = null (0/0)
            """);
  }

  @Test
  void byDefaultTheLast30DaysWhoseOnlyFigureIsTheOpenRequestsNow() {
    JsonNode report = read(get("manager", "/api/kpis"));

    Instant to = Instant.parse(report.path("to").asText());
    assertThat(to).isBetween(clock.instant().minusSeconds(60), clock.instant());
    assertThat(Instant.parse(report.path("from").asText())).isEqualTo(to.minus(Duration.ofDays(30)));
    assertThat(render(report.path("kpis")))
        .as("nothing ended in the last 30 days; the previous period has nothing either")
        .isEqualTo(
            """
            onTimeDelivery = null (0/0), previous null
            responseSlaCompliance = null (0/0), previous null
            resolutionSlaCompliance = null (0/0), previous null
            firstTimeRight = null (0/0), previous null
            csatAverage = null (0/0), previous null
            csatResponseRate = null (0/0), previous null
            averageCost = null (0.00/0), previous null
            totalCost = 0.00 (0.00/1), previous 0.00
            averageCycleTime = null (0.00/0), previous null
            openAtRisk = 3 (3/7), previous null
            """);

    JsonNode weeks = read(get("manager", "/api/kpis/weekly"));
    JsonNode currentWeek = weeks.get(weeks.size() - 1).path("kpis");
    assertThat(currentWeek.get(9).toString())
        .as("the current week shows the open requests now")
        .isEqualTo("{\"key\":\"openAtRisk\",\"label\":\"Open requests at risk\",\"unit\":\"COUNT\",\"value\":3,"
            + "\"numerator\":3,\"denominator\":7}");
    assertThat(weeks.get(0).path("kpis").get(9).path("value").isNull()).isTrue();
  }

  @Test
  void onlyOperationsManagersSeeTheKpis() {
    for (String path : List.of("/api/kpis", "/api/kpis/weekly", "/api/kpis/by-service")) {
      assertThat(get("coordinator", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get("portal", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
      assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void invalidParametersAre400ProblemsNamingThem() {
    assertInvalid("/api/kpis?from=yesterday", "from");
    assertInvalid("/api/kpis?from=2025-03-03&to=31.03.2025", "to");
    assertInvalid("/api/kpis?from=2025-02-30&to=2025-13-01", "from", "to");
    assertInvalid("/api/kpis?from=2025-03-31&to=2025-03-31T00:00:00Z", "from");
    assertInvalid("/api/kpis?from=2025-04-01&to=2025-03-31", "from");
    assertInvalid("/api/kpis/weekly?from=2025-04-01&to=2025-03-31", "from");
    assertInvalid("/api/kpis/by-service?to=yesterday", "to");
    assertInvalid("/api/kpis/weekly?from=2020-01-01&to=2025-01-01", "from");
    ResponseEntity<String> unknown = get("manager", "/api/kpis?serviceCode=TELEPORTATION");
    assertInvalid(unknown, "serviceCode");
    assertThat(read(unknown).path("detail").asText())
        .isEqualTo("The request has an invalid value: serviceCode is not a service of the catalog: 'TELEPORTATION'.");
    assertInvalid("/api/kpis/weekly?serviceCode=TELEPORTATION", "serviceCode");
    assertThat(read(get("manager", "/api/kpis?from=&to=&serviceCode=")).path("serviceCode").isNull())
        .as("blank parameters are absent ones")
        .isTrue();
    ResponseEntity<String> offset =
        http.withBasicAuth("manager", "manager")
            .getForEntity(
                URI.create(http.getRootUri() + "/api/kpis?from=2025-03-03T01:00:00%2B01:00&to=2025-03-31"),
                String.class);
    assertThat(read(offset).path("from").asText()).as("an offset other than Z").isEqualTo("2025-03-03T00:00:00Z");
  }

  private void assertInvalid(String path, String... fields) {
    assertInvalid(get("manager", path), fields);
  }

  private void assertInvalid(ResponseEntity<String> response, String... fields) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = read(response);
    assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly(fields);
  }

  /** Starts a delivery that waits for its first job and sets where it stands against its SLA. */
  private void running(String requestId, String serviceCode, String requestType, String slaState) {
    Map<String, Object> request = SampleRequests.vpnRequest();
    request.put(Variables.SERVICE_CODE, serviceCode);
    request.put(Variables.REQUEST_TYPE, requestType);
    ProcessInstance delivery =
        runtimeService
            .createMessageCorrelation(Messages.SERVICE_REQUEST_SUBMITTED)
            .processInstanceBusinessKey(requestId)
            .setVariables(request)
            .correlateStartMessage();
    runtimeService.setVariable(delivery.getId(), Variables.SLA_STATE, slaState);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }
}
