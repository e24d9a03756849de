package io.servicedelivery.resourcing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resource pool API over HTTP: the staff read it, resource analysts (the demo user analyst) keep it, and every
 * invalid value is listed in a 400 problem. People made here have user ids starting with test- and are removed after
 * each test, so the seeded staff1 and staff2 stay as the other tests expect them.
 */
@WebIntegrationTest
class ResourceApiTest {

  private static final String RESOURCES = "/api/resources";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired ResourcePool pool;

  @AfterEach
  void removeTestPeople() {
    jdbc.sql("delete from resource_reservation").update();
    jdbc.sql("delete from resource_absence").update();
    jdbc.sql("delete from staff_skill where user_id like 'test-%'").update();
    jdbc.sql("delete from staff_resource where user_id like 'test-%'").update();
  }

  @Test
  void theStaffReadThePoolWithSkillLevelsCalendarsAndLoad() {
    pool.allocate(new AllocationRequest("SR-1", "network", 1, Instant.now(), null));

    ResponseEntity<JsonNode> response = http.withBasicAuth("staff1", "staff1").getForEntity(RESOURCES, JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().findValuesAsText("userId")).containsExactly("staff1", "staff2");
    JsonNode staff2 = response.getBody().get(1);
    assertThat(staff2.path("displayName").asText()).isEqualTo("Noor Network");
    assertThat(staff2.path("skills").toString())
        .isEqualTo("[{\"name\":\"network\",\"level\":3},{\"name\":\"software\",\"level\":2},"
            + "{\"name\":\"storage\",\"level\":3}]");
    assertThat(staff2.path("capacity").asInt()).isEqualTo(2);
    assertThat(staff2.path("workingCalendar").asText()).isEqualTo("OFFICE_BERLIN");
    assertThat(staff2.path("openReservations").asInt()).isEqualTo(1);
    assertThat(staff2.path("absences")).isEmpty();

    assertThat(http.getForEntity(RESOURCES, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("portal", "portal").getForEntity(RESOURCES, JsonNode.class).getStatusCode())
        .as("api clients are not staff")
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aResourceAnalystAddsChangesAndRemovesAPerson() {
    ResponseEntity<JsonNode> added = send("analyst", HttpMethod.POST, RESOURCES, welder("test-wendy"));

    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(added.getHeaders().getLocation()).hasToString(RESOURCES + "/test-wendy");
    assertThat(added.getBody().path("skills").toString()).isEqualTo("[{\"name\":\"welding\",\"level\":4}]");
    assertThat(get("staff1", "test-wendy").getBody()).isEqualTo(added.getBody());

    ResponseEntity<JsonNode> changed = send("analyst", HttpMethod.PUT, RESOURCES + "/test-wendy", Map.of(
        "displayName", "Wendy Welder",
        "skills", List.of(Map.of("name", "welding", "level", 5), Map.of("name", "hardware", "level", 1)),
        "capacity", 1,
        "workingCalendar", "OFFICE_NEW_YORK"));

    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changed.getBody().path("capacity").asInt()).isEqualTo(1);
    assertThat(changed.getBody().path("workingCalendar").asText()).isEqualTo("OFFICE_NEW_YORK");
    assertThat(changed.getBody().path("skills").findValuesAsText("name")).containsExactly("hardware", "welding");

    assertThat(send("manager", HttpMethod.DELETE, RESOURCES + "/test-wendy", null).getStatusCode())
        .as("operations managers keep the pool too")
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get("analyst", "test-wendy").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> rejoined = send("analyst", HttpMethod.POST, RESOURCES, welder("test-wendy"));
    assertThat(rejoined.getStatusCode()).as("a person who left may join again").isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void addingAPersonWhoIsInThePoolIsAConflict() {
    ResponseEntity<JsonNode> response = send("analyst", HttpMethod.POST, RESOURCES, welder("staff1"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("userId").asText()).isEqualTo("staff1");
  }

  @Test
  void anInvalidPersonIsA400ProblemNamingEveryInvalidField() {
    ResponseEntity<JsonNode> response = send("analyst", HttpMethod.POST, RESOURCES, Map.of(
        "userId", "test-bad",
        "displayName", " ",
        "skills", List.of(Map.of("name", "welding", "level", 6), Map.of("name", "welding", "level", 2)),
        "capacity", 0,
        "workingCalendar", "ATLANTIS"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("errors").findValuesAsText("field"))
        .containsExactly("capacity", "displayName", "skills", "skills[0].level", "workingCalendar");
    assertThat(response.getBody().path("errors").toString()).contains("must name each skill once");

    ResponseEntity<JsonNode> noSkills = send("analyst", HttpMethod.PUT, RESOURCES + "/staff1", Map.of(
        "displayName", "Sam Field", "skills", List.of(), "capacity", 3, "workingCalendar", "OFFICE_BERLIN"));
    assertThat(noSkills.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noSkills.getBody().path("errors").findValuesAsText("field")).containsExactly("skills");
  }

  @Test
  void onlyResourceAnalystsAndOperationsManagersChangeThePool() {
    assertThat(send("staff1", HttpMethod.POST, RESOURCES, welder("test-wendy")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send("coordinator", HttpMethod.DELETE, RESOURCES + "/staff2", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aPersonWithAnOpenReservationCannotBeRemoved() {
    pool.allocate(new AllocationRequest("SR-7", "storage", 1, Instant.now(), null));

    ResponseEntity<JsonNode> response = send("analyst", HttpMethod.DELETE, RESOURCES + "/staff2", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("requestIds").toString()).isEqualTo("[\"SR-7\"]");
    assertThat(get("analyst", "staff2").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anUnknownPersonIsA404Problem() {
    assertThat(get("analyst", "test-nobody").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> put = send("analyst", HttpMethod.PUT, RESOURCES + "/test-nobody", Map.of(
        "displayName", "Nobody", "skills", List.of(Map.of("name", "x", "level", 1)), "capacity", 1,
        "workingCalendar", "24X7"));
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(put.getBody().path("userId").asText()).isEqualTo("test-nobody");
    assertThat(send("analyst", HttpMethod.DELETE, RESOURCES + "/test-nobody", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(send("analyst", HttpMethod.POST, RESOURCES + "/test-nobody/absences", holidays()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void absencesAreAddedAndRemovedAndMustEndAfterTheyStart() {
    ResponseEntity<JsonNode> added = send("analyst", HttpMethod.POST, RESOURCES + "/staff1/absences", holidays());

    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = added.getBody().path("id").asLong();
    assertThat(added.getHeaders().getLocation()).hasToString(RESOURCES + "/staff1/absences/" + id);
    assertThat(get("staff2", "staff1").getBody().path("absences").toString())
        .isEqualTo("[{\"id\":" + id + ",\"from\":\"2026-12-20T23:00:00Z\",\"to\":\"2027-01-03T23:00:00Z\","
            + "\"reason\":\"Holidays\"}]");

    assertThat(send("analyst", HttpMethod.DELETE, RESOURCES + "/staff1/absences/" + id, null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get("staff2", "staff1").getBody().path("absences")).isEmpty();
    assertThat(send("analyst", HttpMethod.DELETE, RESOURCES + "/staff1/absences/" + id, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> backwards = send("analyst", HttpMethod.POST, RESOURCES + "/staff1/absences",
        Map.of("from", "2026-12-21T00:00:00+01:00", "to", "2026-12-20T00:00:00+01:00"));
    assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(backwards.getBody().path("errors").toString()).isEqualTo("[{\"field\":\"to\",\"message\":\"must be after from\"}]");
    ResponseEntity<JsonNode> missing = send("analyst", HttpMethod.POST, RESOURCES + "/staff1/absences",
        Map.of("reason", "x".repeat(201)));
    assertThat(missing.getBody().path("errors").findValuesAsText("field")).containsExactly("from", "reason", "to");
  }

  private static Map<String, Object> welder(String userId) {
    return Map.of(
        "userId", userId,
        "displayName", "Wendy Welder",
        "skills", List.of(Map.of("name", "welding", "level", 4)),
        "capacity", 2,
        "workingCalendar", "OFFICE_BERLIN");
  }

  private static Map<String, Object> holidays() {
    return Map.of("from", "2026-12-21T00:00:00+01:00", "to", "2027-01-04T00:00:00+01:00", "reason", "Holidays");
  }

  private ResponseEntity<JsonNode> get(String user, String userId) {
    return http.withBasicAuth(user, user).getForEntity(RESOURCES + "/" + userId, JsonNode.class);
  }

  private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, Object body) {
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body), JsonNode.class);
  }
}
