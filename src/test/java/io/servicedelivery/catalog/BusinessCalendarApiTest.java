package io.servicedelivery.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business calendar API over HTTP: everybody reads the seeded calendars, operations managers create and replace
 * calendars, and every invalid value of a calendar is listed in a 400 problem. Calendars made here start with TEST_
 * and are removed after each test, so the seeded ones stay as the other tests expect them.
 */
@WebIntegrationTest
class BusinessCalendarApiTest {

  private static final String CALENDARS = "/api/catalog/calendars";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper objectMapper;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeTestCalendars() {
    for (String table : List.of("business_calendar_hours", "business_calendar_holiday")) {
      jdbc.sql("delete from " + table + " where calendar_code like 'TEST%'").update();
    }
    jdbc.sql("delete from business_calendar where code like 'TEST%'").update();
  }

  @Test
  void anyAuthenticatedUserListsTheSeededCalendars() {
    ResponseEntity<JsonNode> response = http.withBasicAuth("staff1", "staff1").getForEntity(CALENDARS, JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().findValuesAsText("code")).contains("24X7", "OFFICE_BERLIN", "OFFICE_NEW_YORK");
    assertThat(http.getForEntity(CALENDARS, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theSeededCalendars() {
    JsonNode always = get("portal", "24X7").getBody();
    assertThat(always.path("twentyFourSeven").asBoolean()).isTrue();
    assertThat(always.path("workingHours")).isEmpty();
    assertThat(always.path("holidays")).isEmpty();

    JsonNode berlin = get("portal", "OFFICE_BERLIN").getBody();
    assertThat(berlin.path("name").asText()).isEqualTo("Office hours Berlin");
    assertThat(berlin.path("zoneId").asText()).isEqualTo("Europe/Berlin");
    assertThat(berlin.path("twentyFourSeven").asBoolean()).isFalse();
    assertThat(fieldNames(berlin.path("workingHours")))
        .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    assertThat(berlin.path("workingHours").path("MONDAY").toString())
        .isEqualTo("[{\"start\":\"08:00\",\"end\":\"18:00\"}]");
    assertThat(berlin.path("holidays")).hasSize(18);
    assertThat(berlin.path("holidays").get(1).toString())
        .isEqualTo("{\"date\":\"2026-04-03\",\"name\":\"Good Friday\"}");

    JsonNode newYork = get("portal", "OFFICE_NEW_YORK").getBody();
    assertThat(newYork.path("zoneId").asText()).isEqualTo("America/New_York");
    assertThat(newYork.path("workingHours").path("FRIDAY").toString())
        .isEqualTo("[{\"start\":\"09:00\",\"end\":\"17:00\"}]");
    assertThat(newYork.path("holidays")).hasSize(23);
    assertThat(newYork.path("holidays").findValuesAsText("date")).contains("2026-07-03", "2027-12-31");
  }

  @Test
  void anUnknownCalendarIsA404ProblemNamingTheCode() {
    ResponseEntity<JsonNode> response = get("coordinator", "TEST_ATLANTIS");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("calendarCode").asText()).isEqualTo("TEST_ATLANTIS");
    assertThat(response.getBody().path("detail").asText()).contains("TEST_ATLANTIS");
  }

  @Test
  void anOperationsManagerCreatesACalendarWith201AndReplacesItWith200() {
    ResponseEntity<JsonNode> created = put("manager", "TEST_LUNCH", lunchBreakCalendar());

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString(CALENDARS + "/TEST_LUNCH");
    JsonNode calendar = created.getBody();
    assertThat(calendar.path("code").asText()).isEqualTo("TEST_LUNCH");
    assertThat(calendar.path("workingHours").path("MONDAY").findValuesAsText("start"))
        .containsExactly("08:00", "13:00");
    assertThat(calendar.path("workingHours").path("SATURDAY").toString())
        .as("until midnight")
        .isEqualTo("[{\"start\":\"22:00\",\"end\":\"00:00\"}]");
    assertThat(get("staff1", "TEST_LUNCH").getBody()).isEqualTo(calendar);

    ObjectNode changed = calendar.deepCopy();
    changed.put("name", "Lunch break in Vienna");
    changed.put("zoneId", "Europe/Vienna");
    ((ArrayNode) changed.path("holidays")).removeAll();
    ResponseEntity<JsonNode> replaced = put("manager", "TEST_LUNCH", changed);

    assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(replaced.getHeaders().getLocation()).isNull();
    JsonNode read = get("staff1", "TEST_LUNCH").getBody();
    assertThat(read).isEqualTo(replaced.getBody());
    assertThat(read.path("name").asText()).isEqualTo("Lunch break in Vienna");
    assertThat(read.path("zoneId").asText()).isEqualTo("Europe/Vienna");
    assertThat(read.path("holidays")).isEmpty();
    assertThat(read.path("workingHours")).isEqualTo(calendar.path("workingHours"));
  }

  @Test
  void onlyOperationsManagersMayChangeCalendars() {
    ResponseEntity<JsonNode> coordinator = put("coordinator", "TEST_LUNCH", lunchBreakCalendar());
    assertThat(coordinator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(coordinator.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(put("portal", "OFFICE_BERLIN", lunchBreakCalendar()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> anonymous =
        http.exchange(CALENDARS + "/TEST_LUNCH", HttpMethod.PUT, json(lunchBreakCalendar()), JsonNode.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("manager", "TEST_LUNCH").getStatusCode()).as("nothing stored").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("manager", "OFFICE_BERLIN").getBody().path("name").asText()).isEqualTo("Office hours Berlin");
  }

  static Stream<Arguments> invalidCalendars() {
    return Stream.of(
        Arguments.of("no fields at all", (Consumer<ObjectNode>) ObjectNode::removeAll,
            Set.of("name", "zoneId", "twentyFourSeven")),
        Arguments.of("a time zone that does not exist",
            (Consumer<ObjectNode>) body -> body.put("zoneId", "Europe/Atlantis"), Set.of("zoneId")),
        Arguments.of("an offset instead of a time zone",
            (Consumer<ObjectNode>) body -> body.put("zoneId", "+02:00"), Set.of("zoneId")),
        Arguments.of("a range that ends before it starts",
            (Consumer<ObjectNode>) body -> range(body, "MONDAY", 1).put("end", "12:30"), Set.of("workingHours")),
        Arguments.of("overlapping ranges",
            (Consumer<ObjectNode>) body -> range(body, "TUESDAY", 0).put("end", "14:00"), Set.of("workingHours")),
        Arguments.of("seconds",
            (Consumer<ObjectNode>) body -> range(body, "FRIDAY", 0).put("start", "08:00:30"), Set.of("workingHours")),
        Arguments.of("no working hours and not 24x7",
            (Consumer<ObjectNode>) body -> body.remove("workingHours"), Set.of("workingHours")),
        Arguments.of("24x7 with working hours and holidays",
            (Consumer<ObjectNode>) body -> body.put("twentyFourSeven", true), Set.of("workingHours", "holidays")),
        Arguments.of("the same holiday twice",
            (Consumer<ObjectNode>) body -> ((ArrayNode) body.path("holidays")).add(body.path("holidays").get(0)),
            Set.of("holidays")),
        Arguments.of("more than 1000 holidays",
            (Consumer<ObjectNode>)
                body -> {
                  ArrayNode holidays = ((ArrayNode) body.path("holidays"));
                  holidays.removeAll();
                  for (int day = 0; day < 1001; day++) {
                    holidays.addObject().put("date", LocalDate.of(2026, 1, 1).plusDays(day).toString())
                        .put("name", "Day " + day);
                  }
                },
            Set.of("holidays")),
        Arguments.of("a holiday without a name",
            (Consumer<ObjectNode>) body -> ((ObjectNode) body.path("holidays").get(0)).remove("name"),
            Set.of("holidays[0].name")),
        Arguments.of("a range without an end",
            (Consumer<ObjectNode>) body -> range(body, "MONDAY", 0).remove("end"),
            Set.of("workingHours[MONDAY][0].end")),
        Arguments.of("a day of the week that does not exist",
            (Consumer<ObjectNode>) body -> ((ObjectNode) body.path("workingHours")).set("FUNDAY",
                body.path("workingHours").path("MONDAY")),
            Set.of("workingHours")),
        Arguments.of("not a time",
            (Consumer<ObjectNode>) body -> range(body, "MONDAY", 0).put("start", "eight"),
            Set.of("workingHours[MONDAY][0].start")),
        Arguments.of("not a date",
            (Consumer<ObjectNode>) body -> ((ObjectNode) body.path("holidays").get(0)).put("date", "Christmas"),
            Set.of("holidays[0].date")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCalendars")
  void anInvalidCalendarIsA400ProblemListingEveryInvalidField(
      String description, Consumer<ObjectNode> mistake, Set<String> invalidFields) {
    ObjectNode body = lunchBreakCalendar();
    mistake.accept(body);

    ResponseEntity<JsonNode> response = put("manager", "TEST_LUNCH", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = response.getBody();
    assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
    assertThat(Set.copyOf(problem.path("errors").findValuesAsText("field"))).isEqualTo(invalidFields);
    assertThat(problem.path("errors").findValuesAsText("message"))
        .allSatisfy(message -> assertThat(message).isNotBlank());
    assertThat(get("manager", "TEST_LUNCH").getStatusCode()).as("nothing stored").isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void problemMessagesSayWhatIsWrong() {
    ObjectNode body = lunchBreakCalendar();
    range(body, "TUESDAY", 0).put("end", "14:00");
    range(body, "MONDAY", 1).put("end", "12:30");
    body.put("zoneId", "Mars/Olympus_Mons");

    assertThat(put("manager", "TEST_LUNCH", body).getBody().path("errors").findValuesAsText("message"))
        .containsExactlyInAnyOrder(
            "must be an IANA time zone such as Europe/Berlin or America/New_York",
            "must have ranges that end after they start: 13:00–12:30 on MONDAY does not "
                + "(an end of 00:00 is midnight)",
            "must have ranges that do not overlap: 08:00–14:00 and 13:00–17:00 on TUESDAY do");
  }

  @Test
  void unreadableTimesAndDatesSayWhatIsExpected() {
    ObjectNode body = lunchBreakCalendar();
    range(body, "MONDAY", 0).put("start", "8 o'clock");
    assertThat(onlyError(put("manager", "TEST_LUNCH", body)).path("message").asText())
        .isEqualTo("must be a time of day such as 08:00");

    body = lunchBreakCalendar();
    ((ObjectNode) body.path("holidays").get(0)).put("date", "25.12.2026");
    assertThat(onlyError(put("manager", "TEST_LUNCH", body)).path("message").asText())
        .isEqualTo("must be a date in ISO-8601 format, such as 2026-12-24");

    body = lunchBreakCalendar();
    ((ObjectNode) body.path("workingHours")).set("FUNDAY", body.path("workingHours").path("MONDAY"));
    assertThat(onlyError(put("manager", "TEST_LUNCH", body)).path("message").asText())
        .isEqualTo("must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
  }

  @Test
  void aCodeOfOtherThanCapitalLettersDigitsAndUnderscoresIsA400() {
    ResponseEntity<JsonNode> response = put("manager", "test-lunch", lunchBreakCalendar());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").findValuesAsText("field")).containsExactly("code");
  }

  @Test
  void openApiDescribesTheEndpointsAndTheirProblems() {
    JsonNode docs = http.withBasicAuth("manager", "manager").getForObject("/v3/api-docs", JsonNode.class);

    assertThat(fieldNames(docs.path("paths").path(CALENDARS + "/{code}").path("put").path("responses")))
        .contains("200", "201", "400", "401", "403");
    assertThat(fieldNames(docs.path("paths").path(CALENDARS + "/{code}").path("get").path("responses")))
        .contains("200", "401", "404");
    assertThat(fieldNames(docs.path("paths").path(CALENDARS).path("get").path("responses"))).contains("200", "401");
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** Weekdays 08:00–12:00 and 13:00–17:00 in Berlin, Saturday evenings until midnight, and two holidays. */
  private ObjectNode lunchBreakCalendar() {
    ObjectNode body = objectMapper.createObjectNode();
    body.put("name", "Lunch break in Berlin");
    body.put("zoneId", "Europe/Berlin");
    body.put("twentyFourSeven", false);
    ObjectNode hours = body.putObject("workingHours");
    for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
      ArrayNode ranges = hours.putArray(day);
      ranges.addObject().put("start", "08:00").put("end", "12:00");
      ranges.addObject().put("start", "13:00").put("end", "17:00");
    }
    hours.putArray("SATURDAY").addObject().put("start", "22:00").put("end", "00:00");
    ArrayNode holidays = body.putArray("holidays");
    holidays.addObject().put("date", "2026-12-25").put("name", "Christmas Day");
    holidays.addObject().put("date", "2026-12-26").put("name", "Second Day of Christmas");
    return body;
  }

  private static JsonNode onlyError(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors")).hasSize(1);
    return response.getBody().path("errors").get(0);
  }

  private static ObjectNode range(ObjectNode body, String day, int index) {
    return (ObjectNode) body.path("workingHours").path(day).get(index);
  }

  private ResponseEntity<JsonNode> get(String user, String code) {
    return http.withBasicAuth(user, user).getForEntity(CALENDARS + "/" + code, JsonNode.class);
  }

  private ResponseEntity<JsonNode> put(String user, String code, Object body) {
    return http.withBasicAuth(user, user)
        .exchange(CALENDARS + "/" + code, HttpMethod.PUT, json(body), JsonNode.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
