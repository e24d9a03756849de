package io.servicedelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One rule of strict input after the other (web/JsonStrictness, StrictParameters, Utf8JsonOnly, the periods of the
 * KPIs and the dashboard, DirectErrorRequests): each way a tester got a malformed value accepted, coerced, truncated
 * or answered with a 500 is a 4xx problem naming the value now. The bodies are well-typed but for the value under
 * test; nothing they would create is created, since reading the body fails first.
 */
@WebIntegrationTest
class StrictInputTest {

  private static final String SERVICE_REQUEST =
      """
      {"serviceCode": "NETWORK_ACCESS", "requestType": "VPN_ACCESS", "title": "VPN", "description": "VPN please",
       "requester": {"name": "Ada", "email": "ada@customer.example"}, %s, "channel": "API"}""";
  private static final String SALES_ORDER =
      """
      {"orderNumber": "SO-STRICT", "customer": {"id": "C1", "name": "Ada", "email": "ada@customer.example"},
       "lines": [{"lineNumber": 1, "sku": "LAPTOP-STD-14", "quantity": %s}]}""";
  private static final String RESOURCE =
      """
      {"displayName": "Noor", "skills": [], "capacity": %s, "workingCalendar": "24X7"}""";
  private static final String ABSENCE = """
      {"from": %s, "to": "2027-01-04T00:00:00+01:00", "reason": "Holidays"}""";
  private static final String CHANGE =
      """
      {"code": "STRICT", "name": "Strict", "description": "d", "requiredSkill": "network", "standardEffortHours": 1.5,
       "costRatePerHour": 80, "currency": "EUR", "requestTypes": [{"code": "T", "name": "t"}], "checklist": ["c"],
       "slaTargets": [{"priority": "CRITICAL", "responseMinutes": %s, "resolutionMinutes": 60}],
       "effectiveFrom": %s, "reason": "r"}""";
  private static final String CALENDAR =
      """
      {"name": "Strict", "zoneId": "Europe/Berlin", "twentyFourSeven": %s,
       "workingHours": {%s: [{"start": "08:00", "end": "17:00"}]}, "holidays": [{"date": %s, "name": "h"}]}""";

  @LocalServerPort int port;

  @Test
  void enumsAreTheirExactNamesNotOrdinalsOrPaddedNames() throws Exception {
    HttpCalls portal = HttpCalls.basic(port, "portal");
    for (String priority : List.of("0", "\"1\"", "\" CRITICAL \"", "\"CRITICAL\\u0000\"", "\"critical\"", "1.0")) {
      assertRefused(portal.json("POST", "/api/service-requests", SERVICE_REQUEST.formatted("\"priority\": " + priority)),
          400, "priority");
    }
    assertRefused(
        portal.json("POST", "/api/service-requests", SERVICE_REQUEST.formatted("\"impact\": 0, \"urgency\": \"LOW\"")),
        400, "impact");
    assertRefused(
        portal.json("POST", "/api/service-requests",
            SERVICE_REQUEST.formatted("\"priority\": \"LOW\"").replace("\"API\"", "3")),
        400, "channel");
    HttpCalls manager = HttpCalls.basic(port, "manager");
    assertRefused(manager.json("PUT", "/api/catalog/calendars/STRICT", CALENDAR.formatted("false", "\"0\"",
        "\"2027-01-05\"")), 400, "workingHours");
    assertRefused(manager.json("PUT", "/api/catalog/calendars/STRICT", CALENDAR.formatted("false", "\" MONDAY\"",
        "\"2027-01-05\"")), 400, "workingHours");
  }

  @Test
  void numbersAreNeitherTextNorTruncated() throws Exception {
    HttpCalls portal = HttpCalls.basic(port, "portal");
    for (String quantity : List.of("\"1\"", "1.5", "1.0", "1e0", "true", "99999999999")) {
      assertRefused(portal.json("POST", "/api/integrations/sales-orders", SALES_ORDER.formatted(quantity)), 400,
          "lines[0].quantity");
    }
    HttpCalls manager = HttpCalls.basic(port, "manager");
    for (String capacity : List.of("1.5", "\"2\"")) {
      assertRefused(manager.json("PUT", "/api/resources/staff1", RESOURCE.formatted(capacity)), 400, "capacity");
    }
    assertRefused(manager.json("POST", "/api/catalog/change-requests", CHANGE.formatted("1.5",
        "\"2027-01-01T00:00:00Z\"")), 400, "slaTargets[0].responseMinutes");
    assertRefused(manager.json("POST", "/api/catalog/change-requests", CHANGE.formatted("30",
        "\"2027-01-01T00:00:00Z\"").replace("\"standardEffortHours\": 1.5", "\"standardEffortHours\": \"1.5\"")),
        400, "standardEffortHours");
    assertRefused(manager.json("PUT", "/api/catalog/calendars/STRICT", CALENDAR.formatted("\"false\"", "\"MONDAY\"",
        "\"2027-01-05\"")), 400, "twentyFourSeven");
    assertRefused(manager.json("PUT", "/api/catalog/calendars/STRICT", CALENDAR.formatted("0", "\"MONDAY\"",
        "\"2027-01-05\"")), 400, "twentyFourSeven");
    assertRefused(portal.json("POST", "/api/service-requests/SR-999999/feedback", "{\"rating\": \"5\"}"), 400,
        "rating");
  }

  @Test
  void datesAreIsoTextsOfTheYears1To9999() throws Exception {
    HttpCalls manager = HttpCalls.basic(port, "manager");
    for (String from : List.of("12345", "\"12345\"", "1.5", "[2026, 12, 21]", "\" 2026-12-21T00:00:00+01:00\"",
        "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"10000-01-01T00:00:00Z\"",
        "\"0000-12-31T00:00:00Z\"", "\"9999-12-31T23:59:59-18:00\"", "\"2026-12-21\"")) {
      assertRefused(manager.json("POST", "/api/resources/staff1/absences", ABSENCE.formatted(from)), 400, "from");
    }
    for (String effectiveFrom : List.of("\"+999999999-12-31T23:59:59Z\"", "1893456000", "\"1893456000\"")) {
      assertRefused(manager.json("POST", "/api/catalog/change-requests", CHANGE.formatted("30", effectiveFrom)), 400,
          "effectiveFrom");
    }
    for (String holiday : List.of("20270105", "\"20270105\"", "\"2027-01-05T00:00:00Z\"", "\"+999999999-12-31\"",
        "\"0000-01-05\"", "\"2027-1-5\"")) {
      assertRefused(manager.json("PUT", "/api/catalog/calendars/STRICT", CALENDAR.formatted("false", "\"MONDAY\"",
          holiday)), 400, "holidays[0].date");
    }
  }

  @Test
  void aBodyIsOneJsonValueWithEachFieldOnceInUtf8() throws Exception {
    HttpCalls portal = HttpCalls.basic(port, "portal");
    String cancellation = "/api/service-requests/SR-999999/cancellation";
    assertThat(portal.json("POST", cancellation, "{\"reason\": \"no longer needed\"}").statusCode())
        .as("the well-formed body reaches the request, which does not exist")
        .isEqualTo(404);
    assertRefused(portal.json("POST", cancellation, "{\"reason\": \"a\", \"reason\": \"b\"}"), 400, "reason");
    assertRefused(portal.json("POST", cancellation, "{\"reason\": \"a\"} {\"reason\": \"b\"}"), 400, null);
    assertRefused(portal.json("POST", cancellation, "{\"reason\": \"a\"}]"), 400, null);
    assertRefused(portal.json("POST", cancellation, "{\"reason\": \"a\"} x"), 400, null);
    assertRefused(
        portal.json("POST", "/api/service-requests",
            SERVICE_REQUEST.formatted("\"priority\": \"LOW\"").replace("\"name\": \"Ada\"",
                "\"name\": \"Ada\", \"name\": \"Bob\"")),
        400, "requester.name");
    byte[] utf8 = "{\"reason\": \"Grüße\"}".getBytes(StandardCharsets.UTF_8);
    assertRefused(portal.send("POST", cancellation, utf8, "application/json; charset=UTF-16"), 415, "Content-Type");
    assertRefused(portal.send("POST", cancellation, utf8, "application/json; charset=ISO-8859-1"), 415,
        "Content-Type");
    assertThat(portal.send("POST", cancellation, utf8, "application/json; charset=utf-8").statusCode()).isEqualTo(404);
    assertRefused(portal.send("POST", cancellation, new byte[] {'{', '"', 'r', '"', ':', '"', (byte) 0xC3, '"', '}'},
        "application/json"), 400, null);
  }

  @Test
  void queryParametersAreExactToo() throws Exception {
    HttpCalls portal = HttpCalls.basic(port, "portal");
    for (String status : List.of("RECEIVED%00", "%20RECEIVED", "RECEIVED%20", "0", "received")) {
      assertRefused(portal.get("/api/service-requests?status=" + status), 400, "status");
    }
    assertThat(portal.get("/api/service-requests?status=RECEIVED").statusCode()).isEqualTo(200);
    for (String page : List.of("1.5", "%201", "1%00", "99999999999", "0x1")) {
      assertRefused(portal.get("/api/service-requests?page=" + page), 400, "page");
    }
    HttpCalls manager = HttpCalls.basic(port, "manager");
    assertRefused(manager.get("/api/capas?open=yes"), 400, "open");
    assertRefused(manager.get("/api/catalog/change-requests/1.5"), 400, "id");
    assertRefused(manager.get("/api/records/export?from=%2B999999999-12-31&to=2026-01-01"), 400, "from");
    assertRefused(manager.get("/api/records/export?from=20260101&to=2026-01-02"), 400, "from");
  }

  @Test
  void periodsAreWithinTheYears1To9999AndStartBeforeTheyEnd() throws Exception {
    HttpCalls manager = HttpCalls.basic(port, "manager");
    for (String from : List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "12345",
        "10000-01-01", "0000-12-31", "%202026-01-01")) {
      assertRefused(manager.get("/api/kpis?from=" + from + "&to=2026-10-01"), 400, "from");
      assertRefused(manager.get("/api/kpis/weekly?from=" + from + "&to=2026-10-01"), 400, "from");
      assertRefused(manager.get("/api/kpis/by-service?from=" + from + "&to=2026-10-01"), 400, "from");
    }
    assertRefused(manager.get("/api/kpis?from=2026-01-01&to=%2B999999999-12-31T23:59:59Z"), 400, "to");
    assertRefused(manager.get("/api/kpis?from=2026-10-02&to=2026-10-01"), 400, "from");
    assertThat(manager.get("/api/kpis?from=0001-01-01&to=9999-12-31T23:59:59Z").statusCode())
        .as("the whole range, with a previous period cut at the year 1")
        .isEqualTo(200);

    HttpCalls dashboard = HttpCalls.signedIn(port, "manager");
    assertRefused(dashboard.get("/dashboard/api/activities?from=2026-10-02&to=2026-10-01"), 400, "from");
    assertRefused(dashboard.get("/dashboard/api/activities?from=2026-10-01&to=2026-10-01"), 400, "from");
    for (String from : List.of("%2B999999999-12-31", "-999999999-01-01", "0000-01-01", "20261001", "2026-10-01T00:00Z")) {
      assertRefused(dashboard.get("/dashboard/api/activities?from=" + from + "&to=2026-10-02"), 400, "from");
    }
    assertThat(dashboard.get("/dashboard/api/activities?from=0001-01-01&to=9999-12-31").statusCode()).isEqualTo(200);
  }

  @Test
  void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
    for (HttpCalls caller : List.of(HttpCalls.anonymous(port), HttpCalls.basic(port, "manager"))) {
      HttpResponse<String> error = caller.get("/error");
      assertThat(error.statusCode()).isEqualTo(404);
      assertThat(error.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }

  /** A problem with the status, whose errors name the field, or have an entry without one when field is null. */
  static void assertRefused(HttpResponse<String> response, int status, String field) {
    String call = response.request().method() + " " + response.request().uri() + " -> " + response.body();
    assertThat(response.statusCode()).as(call).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(call).hasValue("application/problem+json");
    JsonNode errors = HttpCalls.body(response).path("errors");
    List<String> fields = new ArrayList<>();
    errors.forEach(error -> fields.add(error.hasNonNull("field") ? error.path("field").asText() : null));
    assertThat(fields).as(call).contains(field);
  }
}
