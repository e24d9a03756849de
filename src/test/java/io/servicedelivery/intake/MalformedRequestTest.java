package io.servicedelivery.intake;

import static io.servicedelivery.intake.ApiRequests.vpnRequest;
import static io.servicedelivery.intake.ApiRequests.with;
import static io.servicedelivery.intake.ApiRequests.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed and invalid submissions: each is answered with a 4xx problem body naming what is wrong, and none of
 * them stores a request or starts a process.
 */
@WebIntegrationTest
class MalformedRequestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  static Stream<Arguments> malformed() throws Exception {
    Map<String, Object> valid = vpnRequest(null);
    return Stream.of(
        raw("empty body", "", 400, "body"),
        raw("not JSON at all", "hello", 400, "body"),
        raw("truncated JSON", "{\"serviceCode\": \"NETWORK_ACCESS\"", 400, "body"),
        raw("a JSON list instead of an object", "[]", 400, "body"),
        raw("a JSON string instead of an object", "\"request\"", 400, "body"),
        body("service missing", without(valid, "serviceCode"), 400, "serviceCode"),
        body("title blank", with(valid, "title", "  "), 400, "title"),
        body("title too long", with(valid, "title", "t".repeat(201)), 400, "title"),
        body("description too long", with(valid, "description", "d".repeat(4001)), 400, "description"),
        body("description null", with(valid, "description", null), 400, "description"),
        body("requester missing", without(valid, "requester"), 400, "requester"),
        body("requester e-mail not an address", with(valid, "requester.email", "ada-at-home"), 400, "requester.email"),
        body("requester name too long", with(valid, "requester.name", "n".repeat(121)), 400, "requester.name"),
        body("customer id too long", with(valid, "requester.customerId", "c".repeat(65)), 400, "requester.customerId"),
        body("requester time zone unknown", with(valid, "requester.timeZone", "Mars/Olympus"), 400,
            "requester.timeZone"),
        body("requester time zone an offset", with(valid, "requester.timeZone", "+01:00"), 400, "requester.timeZone"),
        body("requester time zone a number", with(valid, "requester.timeZone", 1), 400, "requester.timeZone"),
        body("unknown priority", with(valid, "priority", "URGENT"), 400, "priority"),
        body("unknown channel", with(valid, "channel", "FAX"), 400, "channel"),
        body("channel missing", without(valid, "channel"), 400, "channel"),
        body("priority and impact and urgency",
            with(with(valid, "impact", "HIGH"), "urgency", "HIGH"), 400, "priorityOrImpactAndUrgency"),
        body("impact without urgency",
            with(without(valid, "priority"), "impact", "HIGH"), 400, "priorityOrImpactAndUrgency"),
        body("unknown urgency",
            with(with(without(valid, "priority"), "impact", "HIGH"), "urgency", "SOON"), 400, "urgency"),
        body("title is a number", with(valid, "title", 42), 400, "title"),
        body("requester is a string", with(valid, "requester", "Ada"), 400, "requester"),
        body("service code is a list", with(valid, "serviceCode", new String[] {"NETWORK_ACCESS"}), 400,
            "serviceCode"),
        body("unknown field (a typo)", with(valid, "prority", "HIGH"), 400, "prority"),
        body("unknown nested field", with(valid, "requester.phone", "+49 30 1234"), 400, "requester.phone"),
        body("external reference too long", with(valid, "externalReference", "r".repeat(101)), 400,
            "externalReference"),
        body("external reference with a control character", with(valid, "externalReference", "A\u0001B"), 400,
            "externalReference"),
        keyed("idempotency key too long", valid, "k".repeat(256), 400, "Idempotency-Key"),
        keyed("idempotency key with spaces", valid, "my key", 400, "Idempotency-Key"),
        body("service the catalog does not offer", with(valid, "serviceCode", "TELEPORTATION"), 422, "serviceCode"),
        body("request type of another service", with(valid, "requestType", "NEW_LAPTOP"), 422, "requestType"),
        Arguments.of("plain text instead of JSON", JSON.writeValueAsString(valid), MediaType.TEXT_PLAIN, null,
            415, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void isRefusedWithAProblemAndChangesNothing(
      String name, String body, MediaType type, String idempotencyKey, int status, String field) {
    long requests = count("service_request");
    long records = count("service_delivery_record");
    long processes = runtimeService.createProcessInstanceQuery().count();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("portal", "portal")
            .postForEntity("/api/service-requests", new HttpEntity<>(body, headers), JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("status").asInt()).isEqualTo(status);
    if ("body".equals(field)) {
      assertThat(response.getBody().path("errors"))
          .as("a reason about the whole body, without a field")
          .anySatisfy(error -> assertThat(error.has("field")).isFalse());
    } else if (field != null) {
      assertThat(response.getBody().path("errors").findValuesAsText("field")).contains(field);
    }
    assertThat(count("service_request")).isEqualTo(requests);
    assertThat(count("service_delivery_record")).isEqualTo(records);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processes);
  }

  private static Arguments raw(String name, String body, int status, String field) {
    return Arguments.of(name, body, MediaType.APPLICATION_JSON, null, status, field);
  }

  private static Arguments body(String name, Map<String, Object> body, int status, String field) throws Exception {
    return Arguments.of(name, JSON.writeValueAsString(body), MediaType.APPLICATION_JSON, null, status, field);
  }

  private static Arguments keyed(String name, Map<String, Object> body, String key, int status, String field)
      throws Exception {
    return Arguments.of(name, JSON.writeValueAsString(body), MediaType.APPLICATION_JSON, key, status, field);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
