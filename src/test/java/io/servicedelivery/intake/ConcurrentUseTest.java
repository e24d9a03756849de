package io.servicedelivery.intake;

import static io.servicedelivery.intake.ApiRequests.vpnRequest;
import static io.servicedelivery.intake.ApiRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.metrics.ProcessMapStatistics;
import io.servicedelivery.testsupport.ConnectionWatch;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WatchedConnections;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Many API clients at once against a connection pool far smaller than their number (issue 10): submissions (new,
 * retried and raced on one idempotency key), the customer's view, the list, the catalog and the coordinators completing
 * Plan delivery through the engine REST API, while the job executor works off the acknowledgements. With no thread
 * ever holding two pooled connections, a caller can only wait for a connection that another caller is about to give
 * back, so nobody times out; the watch proves the property directly, for the request threads and the job executor's.
 * The other paths that read several times, or read and call the engine, are walked one call at a time.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "spring.datasource.hikari.maximum-pool-size=" + ConcurrentUseTest.POOL_SIZE,
      // a caller waits its turn behind the other 40-odd threads that may use the database (the worst wait seen on a
      // busy 2-core machine was 6 s); a thread that waits for a second connection it never gets fails in 15 s
      "spring.datasource.hikari.connection-timeout=15000"
    })
@ActiveProfiles({"test", "demo"})
@Import(WatchedConnections.class)
@DirtiesContext // its own job executor stops with it
class ConcurrentUseTest {

  static final int POOL_SIZE = 4;

  private static final int CALLERS = 64;
  private static final int SHARED_KEYS = 8;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);
  private static final List<String> SERVICES =
      List.of("NETWORK_ACCESS", "LAPTOP_PROVISIONING", "ONSITE_REPAIR", "SOFTWARE_INSTALLATION");

  @LocalServerPort int port;
  @Autowired ConnectionWatch watch;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper objectMapper;
  @Autowired ProcessMapStatistics processMap;

  /** makes the idempotency keys of this run unique, also in a database that keeps those of earlier runs */
  private final String run = UUID.randomUUID() + "-";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CALL_TIMEOUT).build();

  /** One HTTP call and how it ended: a status, or the exception (such as a time-out) instead. */
  record Call(String caller, String what, int status, String body, Exception failure) {

    JsonNode json(ObjectMapper objectMapper) {
      try {
        return objectMapper.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(what + " answered no JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return caller + " " + what + " -> " + (failure != null ? failure : status + " " + body);
    }
  }

  @AfterEach
  void deleteRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void sixtyFourClientsAtOnceNeverHoldTwoConnectionsAndNeverTimeOut() throws InterruptedException {
    assertThat(((TransactionAwareDataSourceProxy) engineConfiguration.getDataSource()).getTargetDataSource())
        .as("the engine takes its connections from the watched pool")
        .isSameAs(jdbcTemplate.getDataSource());
    // what ran before (the start-up, the test framework's process coverage listener) is no request's business
    watch.forgetOverlaps();

    // everybody submits at once
    List<Call> first = concurrently(caller -> List.of(() -> submit(caller, vpnRequest(null), "first-" + run + caller)));
    assertAnswered(first);
    assertThat(first).allSatisfy(call -> assertThat(call.status()).as(call.toString()).isEqualTo(201));
    List<String> firstRequests = first.stream().map(call -> requestId(call)).toList();
    // Plan delivery of a request is completed once its acknowledgement (a job of the same instance) is done
    awaitJobsDone(firstRequests);

    // all kinds of calls at once, the coordinators completing Plan delivery of every first request among them
    String plannedStart = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
    String plannedCompletion =
        OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
    List<Call> mixed =
        concurrently(
            caller -> {
              String own = firstRequests.get(caller);
              String other = firstRequests.get((caller + 1) % CALLERS);
              int shared = caller % SHARED_KEYS;
              return List.of(
                  () -> submit(caller, vpnRequest(null), "second-" + run + caller),
                  () -> get(caller, "catalog", "portal", "/api/catalog/services/" + SERVICES.get(caller % 4)),
                  () -> completePlanDelivery(caller, own, plannedStart, plannedCompletion),
                  () -> submit(caller, with(vpnRequest(null), "title", "Shared " + shared), "shared-" + run + shared),
                  () -> get(caller, "view", "portal", "/api/service-requests/" + other),
                  () -> get(caller, "list", caller % 2 == 0 ? "portal" : "coordinator",
                      "/api/service-requests?page=" + caller % 3 + "&size=20"),
                  () -> get(caller, "search", caller % 2 == 0 ? "portal" : "coordinator",
                      "/api/service-requests?q=vpn+colleague&slaState=" + (caller % 3 == 0 ? "ON_TRACK" : "PAUSED")),
                  () -> submit(caller, vpnRequest(null), "first-" + run + caller));
            });
    assertAnswered(mixed);

    assertThat(byWhat(mixed, "submit second-")).allSatisfy(call -> assertThat(call.status()).isEqualTo(201));
    assertThat(byWhat(mixed, "submit first-"))
        .as("a retry gets the first request back")
        .allSatisfy(call -> assertThat(call.status()).as(call.toString()).isEqualTo(200))
        .extracting(call -> requestId(call))
        .containsExactlyInAnyOrderElementsOf(firstRequests);
    Map<String, List<Call>> sharedKeys =
        byWhat(mixed, "submit shared-").stream().collect(Collectors.groupingBy(Call::what));
    assertThat(sharedKeys).hasSize(SHARED_KEYS);
    sharedKeys.forEach(
        (key, calls) -> {
          assertThat(calls).as(key + ": one created it").filteredOn(call -> call.status() == 201).hasSize(1);
          assertThat(calls).as(key + ": the others got it").filteredOn(call -> call.status() == 200)
              .hasSize(calls.size() - 1);
          assertThat(calls.stream().map(call -> requestId(call)).distinct()).as(key).hasSize(1);
        });
    assertThat(byWhat(mixed, "complete")).allSatisfy(call -> assertThat(call.status()).as(call.toString())
        .isEqualTo(204));
    assertThat(byWhat(mixed, "catalog")).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
    assertThat(byWhat(mixed, "view")).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
    assertThat(byWhat(mixed, "list")).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
    assertThat(byWhat(mixed, "search")).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));

    List<String> created = new ArrayList<>(firstRequests);
    byWhat(mixed, "submit ").stream().filter(call -> call.status() == 201).map(call -> requestId(call))
        .forEach(created::add);
    assertThat(created).doesNotHaveDuplicates().hasSize(2 * CALLERS + SHARED_KEYS);
    awaitJobsDone(created);

    for (String requestId : created) {
      assertThat(
              historyService.createHistoricProcessInstanceQuery()
                  .processDefinitionKey(ServiceDeliveryProcess.KEY)
                  .processInstanceBusinessKey(requestId)
                  .count())
          .as("process instances of " + requestId)
          .isEqualTo(1);
    }
    assertThat(failedJobs(created)).as("jobs that failed").isEmpty();

    assertThat(overlapsOfOurOwn())
        .as("threads that asked for a second pooled connection while holding one")
        .isEmpty();
    Map<String, Integer> taken = watch.takenByThread();
    assertThat(taken.keySet())
        .as("the watch saw the request threads and the job executor's")
        .anyMatch(thread -> thread.startsWith("http-nio-"))
        .anyMatch(thread -> thread.startsWith("camundaTaskExecutor"))
        .anyMatch(thread -> thread.startsWith("JobExecutor["));
  }

  @Test
  void everyOtherPathTakesOneConnectionAtATime() throws InterruptedException {
    watch.forgetOverlaps();
    List<String> requests = new ArrayList<>();
    for (int request = 0; request < 3; request++) {
      Call submitted = submit(0, vpnRequest(null), "other-" + run + request);
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
      requests.add(requestId(submitted));
    }
    awaitJobsDone(requests);
    Call capa =
        call(0, "open a CAPA", "qa", "POST", "/engine-rest/process-definition/key/capa/submit-form",
            Map.of("variables", Map.of(
                "capaTitle", Map.of("value", "Recurring VPN mix-ups"),
                "capaProblem", Map.of("value", "Profiles of other users were deployed twice"))),
            Map.of());
    assertThat(capa.status()).as(capa.toString()).isEqualTo(200);
    String capaId = capa.json(objectMapper).path("businessKey").asText();

    Map<Call, Integer> expected = new LinkedHashMap<>();
    expected.put(get(0, "record", "coordinator", "/api/service-requests/" + requests.get(0) + "/record"), 200);
    expected.put(get(0, "capa", "qa", "/api/capas/" + capaId), 200);
    expected.put(get(0, "capas", "qa", "/api/capas?open=true"), 200);
    expected.put(get(0, "versions", "portal", "/api/catalog/services/NETWORK_ACCESS/versions"), 200);
    expected.put(get(0, "calendars", "portal", "/api/catalog/calendars"), 200);
    expected.put(get(0, "calendar", "portal", "/api/catalog/calendars/OFFICE_BERLIN"), 200);
    expected.put(get(0, "resources", "staff1", "/api/resources"), 200);
    expected.put(get(0, "resource", "staff1", "/api/resources/staff2"), 200);
    expected.put(get(0, "kpis", "manager", "/api/kpis"), 200);
    expected.put(get(0, "kpis weekly", "manager", "/api/kpis/weekly?serviceCode=NETWORK_ACCESS"), 200);
    expected.put(get(0, "kpis by service", "manager", "/api/kpis/by-service"), 200);
    expected.put(get(0, "kpis by customer", "manager", "/api/kpis/by-customer"), 200);
    expected.put(
        get(0, "kpis of a requester", "manager", "/api/kpis?customerId=CUST-042&requesterEmail=ada@customer.example"),
        200);
    expected.put(get(0, "search", "coordinator", "/api/service-requests?q=vpn&slaState=AT_RISK"), 200);
    expected.put(get(0, "billing preview", "manager", "/api/records/export?from=2000-01-01&to=2000-02-01"), 200);
    expected.put(
        call(0, "billing export", "manager", "POST", "/api/records/exports?from=2000-01-01&to=2000-02-01", Map.of(),
            Map.of()),
        409);
    expected.put(get(0, "billing exports", "manager", "/api/records/exports"), 200);
    expected.put(call(0, "priority", "manager", "PUT", "/api/service-requests/" + requests.get(1) + "/priority",
        Map.of("priority", "CRITICAL", "reason", "The CEO is waiting"), Map.of()), 200);
    expected.put(call(0, "answer", "portal", "POST", "/api/service-requests/" + requests.get(1) + "/customer-response",
        Map.of("answer", "Nobody asked"), Map.of()), 409);
    expected.put(call(0, "rating", "portal", "POST", "/api/service-requests/" + requests.get(1) + "/feedback",
        Map.of("rating", 5), Map.of()), 409);
    expected.put(call(0, "cancel", "portal", "POST", "/api/service-requests/" + requests.get(2) + "/cancellation",
        Map.of("reason", "Not needed any more"), Map.of()), 200);
    // the dashboard's process map signs in with a session; its numbers are read the same way here
    processMap.activities(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
    processMap.waitingAt("Task_PlanDelivery");
    processMap.diagram();
    awaitJobsDone(requests);

    expected.forEach((call, status) -> assertThat(call.status()).as(call.toString()).isEqualTo(status));
    assertThat(overlapsOfOurOwn())
        .as("threads that asked for a second pooled connection while holding one")
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------- the calls

  /** Runs each caller's calls one after the other, all callers at once, and gives every call's outcome. */
  private List<Call> concurrently(IntFunction<List<CallSpec>> callsOf) throws InterruptedException {
    Queue<Call> calls = new ConcurrentLinkedQueue<>();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      for (int caller = 0; caller < CALLERS; caller++) {
        List<CallSpec> sequence = callsOf.apply(caller);
        callers.execute(
            () -> {
              try {
                start.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              sequence.forEach(call -> calls.add(call.run()));
            });
      }
      start.countDown();
      callers.shutdown();
      assertThat(callers.awaitTermination(10, TimeUnit.MINUTES)).as("every caller finished").isTrue();
    } finally {
      callers.shutdownNow();
    }
    return new ArrayList<>(calls);
  }

  @FunctionalInterface
  private interface CallSpec {
    Call run();
  }

  private Call submit(int caller, Map<String, Object> request, String idempotencyKey) {
    return call(caller, "submit " + idempotencyKey, "portal", "POST", "/api/service-requests", request,
        Map.of("Idempotency-Key", idempotencyKey));
  }

  private Call get(int caller, String what, String user, String path) {
    return call(caller, what, user, "GET", path, null, Map.of());
  }

  /** As a coordinator would in Tasklist: finds the request's Plan delivery task and completes it. */
  private Call completePlanDelivery(int caller, String requestId, String plannedStart, String plannedCompletion) {
    Call tasks =
        get(caller, "complete: find", "coordinator",
            "/engine-rest/task?processInstanceBusinessKey=" + requestId + "&taskDefinitionKey=Task_PlanDelivery");
    if (tasks.failure() != null || tasks.status() != 200 || tasks.json(objectMapper).size() != 1) {
      return tasks;
    }
    String taskId = tasks.json(objectMapper).get(0).path("id").asText();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("plannedStart", Map.of("value", plannedStart));
    variables.put("plannedCompletion", Map.of("value", plannedCompletion));
    variables.put("deliveryInstructions", Map.of("value", "Standard profile"));
    variables.put("planDeviationReason", Map.of("value", "Planned for tomorrow, as agreed with the requester"));
    return call(caller, "complete " + requestId, "coordinator", "POST", "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables), Map.of());
  }

  private Call call(
      int caller, String what, String user, String method, String path, Object body, Map<String, String> headers) {
    String name = "caller " + caller;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .timeout(CALL_TIMEOUT)
              .header("Authorization", basic(user))
              .header("Accept", "application/json");
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(objectMapper.writeValueAsString(body)));
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Call(name, what, response.statusCode(), response.body(), null);
    } catch (IOException e) {
      // HttpTimeoutException among them
      return new Call(name, what, 0, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Call(name, what, 0, null, e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------- checks

  /** Every call got an answer in time, and none was a server error; if not, the watch tells why. */
  private void assertAnswered(List<Call> calls) {
    assertThat(calls.stream().filter(call -> call.failure() != null).map(Call::toString))
        .as(() -> "calls without an answer (timed out); " + overlapsSeen())
        .isEmpty();
    assertThat(calls.stream().filter(call -> call.status() >= 500).map(Call::toString))
        .as(() -> "calls answered with a server error; " + overlapsSeen())
        .isEmpty();
  }

  /**
   * The overlaps but the engine's history cleanup, which reschedules itself in a new transaction after its commit:
   * it runs only in the nightly window (application.yaml), one job at a time, and its second connection is one of the
   * pool's two spare. Every other thread, the job executor's included, must never hold two.
   */
  private List<ConnectionWatch.Overlap> overlapsOfOurOwn() {
    return watch.overlaps().stream()
        .filter(overlap -> overlap.stack().stream().noneMatch(frame -> frame.contains(".HistoryCleanupHandler.")))
        .toList();
  }

  private String overlapsSeen() {
    List<ConnectionWatch.Overlap> overlaps = watch.overlaps();
    return overlaps.size() + " requests for a second pooled connection"
        + overlaps.stream().limit(3).map(overlap -> "\n" + overlap).collect(Collectors.joining());
  }

  private static List<Call> byWhat(List<Call> calls, String prefix) {
    return calls.stream().filter(call -> call.what().startsWith(prefix)).toList();
  }

  private String requestId(Call call) {
    String requestId = call.json(objectMapper).path("requestId").asText();
    assertThat(requestId).as(call.toString()).startsWith("SR-");
    return requestId;
  }

  /** Waits until the job executor has run every job of the requests (and their called processes) that is due. */
  private void awaitJobsDone(Collection<String> requestIds) throws InterruptedException {
    Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
    List<String> pending = new ArrayList<>(requestIds);
    while (!pending.isEmpty()) {
      pending.removeIf(requestId -> instancesOf(requestId).stream().allMatch(
          instance -> managementService.createJobQuery().processInstanceId(instance).executable().count() == 0));
      if (!pending.isEmpty()) {
        assertThat(Instant.now()).as("jobs still due of " + pending).isBefore(deadline);
        Thread.sleep(200);
      }
    }
  }

  /**
   * The jobs of the requests that failed at least once, with their exception. Two job executors on one database (a
   * cluster, or another test context on a shared PostgreSQL) may both try a job: the optimistic locking exception of
   * the one that lost is how the engine settles that, not a failure.
   */
  private Map<String, String> failedJobs(Collection<String> requestIds) {
    Map<String, String> failed = new HashMap<>();
    for (String requestId : requestIds) {
      for (String instance : instancesOf(requestId)) {
        managementService.createJobQuery().processInstanceId(instance).withException().list().stream()
            .filter(job -> !String.valueOf(job.getExceptionMessage()).contains("OptimisticLocking"))
            .forEach(job -> failed.put(requestId + "/" + job.getId(), job.getExceptionMessage()));
      }
    }
    return failed;
  }

  /** The request's delivery and the processes it called. */
  private List<String> instancesOf(String requestId) {
    HistoricProcessInstance delivery =
        historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .processInstanceBusinessKey(requestId)
            .singleResult();
    return historyService.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(delivery.getRootProcessInstanceId())
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .toList();
  }
}
