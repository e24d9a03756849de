package io.servicedelivery.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /actuator/health} and {@code /actuator/prometheus} over HTTP, in an application of its own (own database,
 * job executor running) so that the meters count only the rows inserted here.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.generate-unique-process-engine-name=true"
    })
@ActiveProfiles({"test", "demo"})
// tests leave the metrics registries out unless asked
@AutoConfigureObservability(tracing = false)
class MonitoringTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired DeliveryMetrics metrics;

  @Test
  void everybodySeesTheHealthStatusManagersAndMonitoringSeeTheEngineAndTheJobExecutor() {
    ResponseEntity<JsonNode> anonymous = http.getForEntity("/actuator/health", JsonNode.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(anonymous.getBody().toString()).isEqualTo("{\"status\":\"UP\"}");

    for (String user : new String[] {"manager", "prometheus"}) {
      JsonNode health = http.withBasicAuth(user, user).getForObject("/actuator/health", JsonNode.class);
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
      assertThat(health.path("components").path("processEngine").path("details").path("name").asText())
          .isNotEmpty();
      assertThat(health.path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");
      assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }
    assertThat(http.withBasicAuth("coordinator", "coordinator").getForObject("/actuator/health", JsonNode.class)
            .has("components"))
        .as("other staff see the status only")
        .isFalse();
  }

  @Test
  void theMetricsAreForMonitoringAndOperationsManagers() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(scrape("coordinator").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(scrape("portal").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(scrape("prometheus").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape("manager").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("manager", "manager").getForEntity("/actuator/env", String.class).getStatusCode())
        .as("only health and prometheus are exposed")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theMetersCountTheRowsOfTheDatabase() {
    record("N1", "NETWORK_ACCESS", "OPEN", false, 0);
    record("N2", "NETWORK_ACCESS", "OPEN", true, 0);
    record("N3", "NETWORK_ACCESS", "CLOSED", true, 2);
    record("N4", "NETWORK_ACCESS", "CLOSED", false, 1);
    record("L1", "LAPTOP_PROVISIONING", "CLOSED", false, 0);
    record("L2", "LAPTOP_PROVISIONING", "REJECTED", false, 0);
    record("R1", null, "REJECTED", false, 0);
    rating("N3", 4);
    rating("N4", 5);
    rating("L1", 2);
    // one warning mailed to two recipients is one warning; rows from before message ids count one each
    notification("N2", "SLA_WARNING", "staff2@servicedelivery.example", "<w1@servicedelivery.example>");
    notification("N2", "SLA_WARNING", "coordinator@servicedelivery.example", "<w1@servicedelivery.example>");
    notification("N3", "SLA_WARNING", "staff2@servicedelivery.example", "<w2@servicedelivery.example>");
    notification("N3", "REQUEST_COMPLETED", "ada@customer.example", "<c1@servicedelivery.example>");
    notification("L1", "SLA_WARNING", "staff1@servicedelivery.example", null);
    notification("L1", "SLA_WARNING", "coordinator@servicedelivery.example", null);
    metrics.refresh();

    String scrape = scrape("prometheus").getBody();

    assertThat(scrape)
        .contains(
            "servicedelivery_requests{service=\"NETWORK_ACCESS\",status=\"OPEN\"} 2.0\n",
            "servicedelivery_requests{service=\"NETWORK_ACCESS\",status=\"CLOSED\"} 2.0\n",
            "servicedelivery_requests{service=\"NETWORK_ACCESS\",status=\"REJECTED\"} 0.0\n",
            "servicedelivery_requests{service=\"LAPTOP_PROVISIONING\",status=\"CLOSED\"} 1.0\n",
            "servicedelivery_requests{service=\"LAPTOP_PROVISIONING\",status=\"REJECTED\"} 1.0\n",
            "servicedelivery_requests{service=\"DATA_RECOVERY\",status=\"OPEN\"} 0.0\n",
            "servicedelivery_requests{service=\"none\",status=\"REJECTED\"} 1.0\n",
            "servicedelivery_sla_breaches_total{service=\"NETWORK_ACCESS\"} 2.0\n",
            "servicedelivery_sla_breaches_total{service=\"LAPTOP_PROVISIONING\"} 0.0\n",
            "servicedelivery_sla_warnings_total{service=\"NETWORK_ACCESS\"} 2.0\n",
            "servicedelivery_sla_warnings_total{service=\"LAPTOP_PROVISIONING\"} 2.0\n",
            "servicedelivery_reworks_total{service=\"NETWORK_ACCESS\"} 3.0\n",
            "servicedelivery_reworks_total{service=\"LAPTOP_PROVISIONING\"} 0.0\n",
            "servicedelivery_csat_ratings_total{service=\"NETWORK_ACCESS\"} 2.0\n",
            "servicedelivery_csat_ratings_total{service=\"LAPTOP_PROVISIONING\"} 1.0\n",
            "servicedelivery_csat_rating_average{service=\"NETWORK_ACCESS\"} 4.5\n",
            "servicedelivery_csat_rating_average{service=\"LAPTOP_PROVISIONING\"} 2.0\n");
    assertThat(scrape).doesNotContain("servicedelivery_csat_rating_average{service=\"DATA_RECOVERY\"}");

    jdbc.sql("update service_delivery_record set sla_breached_at = ? where request_id = 'N1'")
        .param(Timestamp.from(NOW))
        .update();
    assertThat(scrape("prometheus").getBody())
        .as("the counters read the database at every scrape")
        .contains("servicedelivery_sla_breaches_total{service=\"NETWORK_ACCESS\"} 3.0\n");
  }

  private ResponseEntity<String> scrape(String user) {
    return http.withBasicAuth(user, user).getForEntity("/actuator/prometheus", String.class);
  }

  private void record(String requestId, String serviceCode, String outcome, boolean breached, int reworks) {
    jdbc.sql(
            """
            insert into service_delivery_record (
              request_id, process_instance_id, channel, received_at, service_code, outcome, sla_breached_at,
              rework_count)
            values (?, ?, 'API', ?, ?, ?, ?, ?)""")
        .params(
            requestId,
            "no-instance-" + requestId,
            Timestamp.from(NOW),
            serviceCode,
            outcome,
            breached ? Timestamp.from(NOW) : null,
            reworks)
        .update();
  }

  private void rating(String requestId, int rating) {
    jdbc.sql("insert into customer_feedback (request_id, rating, rated_at, rated_by) values (?, ?, ?, 'customer')")
        .params(requestId, rating, Timestamp.from(NOW))
        .update();
  }

  private void notification(String requestId, String type, String recipient, String messageId) {
    jdbc.sql(
            """
            insert into notification_outbox (request_id, type, recipient, subject, body, created_at, message_id)
            values (?, ?, ?, 'Subject', 'Body', ?, ?)""")
        .params(requestId, type, recipient, Timestamp.from(NOW), messageId)
        .update();
  }
}
