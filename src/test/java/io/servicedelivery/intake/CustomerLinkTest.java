package io.servicedelivery.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.records.ClosedBy;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The links in the customer's mails: opening one (GET) changes nothing, the page's button (POST) acts; a forged or
 * expired link is refused with a page that says so.
 */
@WebIntegrationTest
class CustomerLinkTest {

  private static final String BASE = "https://desk.servicedelivery.example";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;
  @Autowired CustomerLinks links;
  @Autowired Clock clock;

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
  void openingTheConfirmLinkChangesNothingAndItsButtonConfirms() {
    String requestId = deliveries.resolve(1.0, 0);
    String link = path(links.link(requestId, CustomerLinks.Action.CONFIRM, inDays(5)));

    ResponseEntity<String> page = http.getForEntity(link, String.class);
    ResponseEntity<String> openedAgain = http.getForEntity(link, String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(openedAgain.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("Confirm the delivery", requestId, "<form method=\"post\"");
    assertThat(records.get(requestId).awaitsConfirmation()).as("a GET changes nothing").isTrue();

    ResponseEntity<String> confirmed = http.postForEntity(link, form(), String.class);

    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(confirmed.getBody()).contains("Thank you", requestId);
    assertThat(records.get(requestId).outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(records.get(requestId).closedBy()).isEqualTo(ClosedBy.CONFIRMED);

    ResponseEntity<String> twice = http.postForEntity(link, form(), String.class);
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(twice.getBody()).contains("Nothing to do");
  }

  @Test
  void theObjectLinkReopensWithTheCustomersWords() {
    String requestId = deliveries.resolve(1.0, 0);
    String link = path(links.link(requestId, CustomerLinks.Action.OBJECT, inDays(5)));

    assertThat(http.getForEntity(link, String.class).getBody()).contains("<textarea id=\"reason\" name=\"reason\"");
    ResponseEntity<String> empty = http.postForEntity(link, form("reason", ""), String.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(records.get(requestId).awaitsConfirmation()).isTrue();

    ResponseEntity<String> objected = http.postForEntity(link, form("reason", "The VPN drops every ten minutes"),
        String.class);

    assertThat(objected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(objected.getBody()).contains("Your request is reopened");
    assertThat(records.get(requestId).reopenCount()).isEqualTo(1);
    assertThat(records.get(requestId).awaitsConfirmation()).isFalse();
  }

  @Test
  void aForgedOrExpiredLinkIsRefusedAndChangesNothing() {
    String requestId = deliveries.resolve(1.0, 0);
    String other = deliveries.resolve(1.0, 0);
    String valid = links.link(requestId, CustomerLinks.Action.CONFIRM, inDays(5));
    String token = valid.substring(valid.lastIndexOf('/') + 1);
    String otherToken = path(links.link(other, CustomerLinks.Action.CONFIRM, inDays(5)));
    // the payload of one link with the signature of another
    String forged =
        CustomerLinks.PATH + token.substring(0, token.indexOf('.'))
            + otherToken.substring(otherToken.indexOf('.'));
    String expired = path(links.link(requestId, CustomerLinks.Action.CONFIRM, clock.instant().minusSeconds(60)));

    for (String link : new String[] {forged, expired, CustomerLinks.PATH + "not-a-token", CustomerLinks.PATH + "a.b"}) {
      ResponseEntity<String> shown = http.getForEntity(link, String.class);
      ResponseEntity<String> posted = http.postForEntity(link, form(), String.class);
      assertThat(shown.getStatusCode()).as(link).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(shown.getBody()).contains("This link is not valid");
      assertThat(posted.getStatusCode()).as(link).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(records.get(requestId).awaitsConfirmation()).isTrue();
    assertThat(records.get(other).awaitsConfirmation()).isTrue();
  }

  @Test
  void aRatingLinkRatesWithOneClickOnItsButtonOnce() {
    String requestId = deliveries.deliver(1.0, 0);
    String four = path(links.ratingLink(requestId, 4, inDays(30)));
    String two = path(links.ratingLink(requestId, 2, inDays(30)));

    assertThat(http.getForEntity(four, String.class).getBody()).contains("Your rating: 4 of 5");
    assertThat(ratings(requestId)).as("a GET rates nothing").isZero();

    ResponseEntity<String> rated = http.postForEntity(four, form("comment", "Quick and friendly"), String.class);

    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rated.getBody()).contains("Thank you for your rating");
    assertThat(jdbc.sql("select rating from customer_feedback where request_id = ?").param(requestId)
        .query(Integer.class).single()).isEqualTo(4);
    assertThat(jdbc.sql("select rated_by from customer_feedback where request_id = ?").param(requestId)
        .query(String.class).single()).isEqualTo("mail-link");
    ResponseEntity<String> again = http.postForEntity(two, form(), String.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("rated already");
    assertThat(ratings(requestId)).isOne();
  }

  @Test
  void theLinksStartWithThePublicUrlAndCarryTheirActionInTheSignedToken() {
    String link = links.ratingLink("SR-000001", 5, inDays(30));

    assertThat(link).startsWith(BASE + CustomerLinks.PATH);
    CustomerLinks.Link verified = links.verify(link.substring(link.lastIndexOf('/') + 1)).orElseThrow();
    assertThat(verified.requestId()).isEqualTo("SR-000001");
    assertThat(verified.action()).isEqualTo(CustomerLinks.Action.RATE);
    assertThat(verified.rating()).isEqualTo(5);
  }

  private long ratings(String requestId) {
    return jdbc.sql("select count(*) from customer_feedback where request_id = ?").param(requestId)
        .query(Long.class).single();
  }

  private Instant inDays(int days) {
    return clock.instant().plus(Duration.ofDays(days));
  }

  /** the link's path on the test server: the links name the public URL */
  private static String path(String link) {
    assertThat(link).startsWith(BASE);
    return link.substring(BASE.length());
  }

  private static HttpEntity<MultiValueMap<String, String>> form(String... fields) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.add(fields[i], fields[i + 1]);
    }
    return new HttpEntity<>(body, headers);
  }
}
