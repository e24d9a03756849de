package io.servicedelivery.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer rates a delivered request once (CSAT). */
@WebIntegrationTest
class CustomerFeedbackApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalog catalog;

  private ApiDeliveries deliveries;

  @BeforeEach
  void deliveries() {
    deliveries = new ApiDeliveries(http, taskService, catalog);
  }

  @AfterEach
  void deleteRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void theCustomerRatesADeliveredRequestOnceAndSeesTheRating() {
    String requestId = deliveries.deliver(1.0, 0);

    ResponseEntity<JsonNode> rated = rate(requestId, feedback(5, "Quick and friendly"));

    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(rated.getBody().path("rating").asInt()).isEqualTo(5);
    assertThat(rated.getBody().path("comment").asText()).isEqualTo("Quick and friendly");
    assertThat(rated.getBody().path("ratedBy").asText()).isEqualTo("portal");
    JsonNode view =
        http.withBasicAuth("portal", "portal").getForObject("/api/service-requests/" + requestId, JsonNode.class);
    assertThat(view.path("feedback").path("rating").asInt()).isEqualTo(5);
    assertThat(view.path("feedback").path("comment").asText()).isEqualTo("Quick and friendly");

    ResponseEntity<JsonNode> again = rate(requestId, feedback(1, "Changed my mind"));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(again.getBody().path("detail").asText()).contains("rated already");
    assertThat(rate(requestId, feedback(1, null)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(jdbc.sql("select rating from customer_feedback where request_id = ?").param(requestId)
        .query(Integer.class).single()).isEqualTo(5);
  }

  @Test
  void ratingsGivenAtTheSameTimeStoreOneAndRefuseTheOthers() throws Exception {
    String requestId = deliveries.deliver(1.0, 0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ResponseEntity<JsonNode>>> ratings = new ArrayList<>();
      for (int rating = 1; rating <= 8; rating++) {
        Map<String, Object> feedback = feedback(1 + rating % 5, null);
        Callable<ResponseEntity<JsonNode>> rate = () -> rate(requestId, feedback);
        ratings.add(pool.submit(rate));
      }
      List<HttpStatusCode> statuses = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> rating : ratings) {
        statuses.add(rating.get().getStatusCode());
      }
      assertThat(statuses).containsOnlyOnce(HttpStatus.CREATED);
      assertThat(statuses).filteredOn(status -> status != HttpStatus.CREATED).containsOnly(HttpStatus.CONFLICT);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestIsRatedOnlyAfterItWasDelivered() {
    String open = deliveries.submit();
    String cancelled = deliveries.submit();
    http.withBasicAuth("portal", "portal")
        .postForEntity(
            "/api/service-requests/" + cancelled + "/cancellation", Map.of("reason", "Not needed"), JsonNode.class);

    ResponseEntity<JsonNode> beforeClosure = rate(open, feedback(4, null));
    ResponseEntity<JsonNode> notDelivered = rate(cancelled, feedback(4, null));

    assertThat(beforeClosure.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(beforeClosure.getBody().path("detail").asText()).contains("not completed yet");
    assertThat(notDelivered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notDelivered.getBody().path("detail").asText()).contains("was cancelled, not delivered");
  }

  @Test
  void aCompletedRequestIsRatedFromItsCompletionOnStillOnce() {
    String requestId = deliveries.resolve(1.0, 0);

    assertThat(rate(requestId, feedback(4, "Works")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    deliveries.confirm(requestId);

    assertThat(rate(requestId, feedback(5, null)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(jdbc.sql("select rating from customer_feedback where request_id = ?").param(requestId)
        .query(Integer.class).single()).isEqualTo(4);
  }

  @Test
  void aRatingOutsideOneToFiveOrNoneIsA400NamingIt() {
    String requestId = deliveries.deliver(1.0, 0);

    for (Map<String, Object> invalid : new Map[] {feedback(0, null), feedback(6, null), feedback(null, "Fine")}) {
      ResponseEntity<JsonNode> response = rate(requestId, invalid);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("rating");
    }
    assertThat(rate(requestId, feedback(3, null)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void anUnknownRequestIsA404AndStaffMayNotRate() {
    assertThat(rate("SR-999999", feedback(5, null)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("staff1", "staff1")
            .postForEntity("/api/service-requests/SR-999999/feedback", feedback(5, null), JsonNode.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<JsonNode> rate(String requestId, Map<String, Object> feedback) {
    return http.withBasicAuth("portal", "portal")
        .postForEntity("/api/service-requests/" + requestId + "/feedback", feedback, JsonNode.class);
  }

  private static Map<String, Object> feedback(Integer rating, String comment) {
    Map<String, Object> feedback = new HashMap<>();
    feedback.put("rating", rating);
    if (comment != null) {
      feedback.put("comment", comment);
    }
    return feedback;
  }
}
