package io.servicedelivery.benchmark;


import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives whole lifecycles over HTTP, as the people and systems around the application do, with a number of workers
 * at once: the portal submits (the application: {@code POST /api/service-requests}; the baseline: a start of
 * {@link BareProcess} over /engine-rest), the coordinator plans, the assigned staff member executes, the QA lead
 * reviews, each completing their task with {@code POST /engine-rest/task/{id}/complete} and the variables its form
 * gives. A task is found by the request's business key and its task definition key, never by the ids of jobs or
 * asynchronous steps, so the driver does not care how the diagram gets from one task to the next; quality control
 * runs as a called instance that inherits the business key ({@code camunda:in businessKey} in service-delivery.bpmn).
 * A lifecycle has finished when no process instance with its business key runs any more, its main instance has
 * ended, and (application: the portal confirms the delivery too) its acknowledgement, completion and closing mails are recorded as sent in
 * {@code notification_outbox}. The driver's own reads (this check) are not counted; a look-up that found nothing and
 * is repeated is counted apart ({@code X-Benchmark-Repeat}).
 */
final class LifecycleDriver {

  static final String PLAN = "Task_PlanDelivery";
  static final String EXECUTE = "Task_ExecuteServiceActivities";
  static final String REVIEW = "Task_ReviewQuality";
  static final List<String> STAFF = List.of("staff1", "staff2");
  static final List<String> MAILS = List.of("REQUEST_ACKNOWLEDGED", "REQUEST_COMPLETED", "REQUEST_CLOSED");

  private static final Duration TASK_PATIENCE = Duration.ofMinutes(2);
  private static final Duration FINISH_PATIENCE = Duration.ofMinutes(5);
  private static final int ATTEMPTS = 5;
  private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

  /** application or baseline */
  enum Flavor {
    APPLICATION, BASELINE
  }

  /** What a run of lifecycles measured. */
  record Run(
      String name, Flavor flavor, int lifecycles, int finished, List<String> failed, Duration span,
      List<Long> durationsMillis, CallLog calls, StatementCounter.Snapshot statements, Map<String, Long> rows,
      long conflicts, long serverErrors, long timeouts) {

    double lifecyclesPerSecond() {
      return finished / Math.max(0.001, span.toMillis() / 1000.0);
    }

    double perLifecycle(double total) {
      return total / Math.max(1, finished);
    }

    long durationPercentile(double p) {
      if (durationsMillis.isEmpty()) {
        return 0;
      }
      List<Long> sorted = new ArrayList<>(durationsMillis);
      Collections.sort(sorted);
      return sorted.get(Math.max(0, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }
  }

  private final URI base;
  /** the REST API of the benchmark's engine, which has a name of its own: /engine-rest/engine/{name} */
  private final String engineRest;
  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ServiceCatalog catalog;
  private final StatementCounter counter;
  /** per service: what the staff member ticks and reports (read once, not by the workers) */
  private final Map<String, Map<String, Object>> executions = new ConcurrentHashMap<>();

  LifecycleDriver(
      int port, String engineName, JdbcClient jdbc, RuntimeService runtimeService, HistoryService historyService,
      ServiceCatalog catalog, StatementCounter counter) {
    this.base = URI.create("http://localhost:" + port + "/");
    this.engineRest = "/engine-rest/engine/" + engineName;
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.catalog = catalog;
    this.counter = counter;
  }

  /** A lifecycle on its way: its business key and when it was submitted. */
  private record Started(String businessKey, long startNanos) {}

  Run run(String name, Flavor flavor, int lifecycles, int workers) throws InterruptedException {
    String runId = Long.toString(System.nanoTime(), 36);
    CallLog calls = new CallLog();
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    List<Long> durations = Collections.synchronizedList(new ArrayList<>());
    Map<String, Started> awaiting = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicLong lastFinish = new AtomicLong();
    CountDownLatch workersDone = new CountDownLatch(workers);

    Map<String, Long> rowsBefore = Steps.asDriver(this::rowCounts);
    StatementCounter.Snapshot before = counter.snapshot();
    long startNanos = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      Thread worker = new Thread(() -> {
        Worker clients = new Worker(calls);
        try {
          int n;
          while ((n = next.getAndIncrement()) < lifecycles) {
            String businessKey = null;
            long start = System.nanoTime();
            try {
              businessKey = clients.lifecycle(flavor, runId, n);
              awaiting.put(businessKey, new Started(businessKey, start));
            } catch (LifecycleFailed e) {
              failed.add((businessKey == null ? "#" + n : businessKey) + ": " + e.getMessage());
            }
          }
        } finally {
          clients.close();
          workersDone.countDown();
        }
      }, "benchmark-worker-" + w);
      worker.start();
    }
    // the finish line: checked by the driver, whose reads are not counted
    Instant deadline = null;
    while (!awaiting.isEmpty() || workersDone.getCount() > 0) {
      if (workersDone.getCount() == 0 && deadline == null) {
        deadline = Instant.now().plus(FINISH_PATIENCE);
      }
      if (deadline != null && Instant.now().isAfter(deadline)) {
        awaiting.keySet().forEach(key -> failed.add(key + ": not finished " + FINISH_PATIENCE + " after the last step"));
        break;
      }
      for (Started started : List.copyOf(awaiting.values())) {
        if (Steps.asDriver(() -> finished(flavor, started.businessKey()))) {
          long now = System.nanoTime();
          durations.add((now - started.startNanos()) / 1_000_000);
          lastFinish.accumulateAndGet(now, Math::max);
          awaiting.remove(started.businessKey());
        }
      }
      Thread.sleep(100);
    }
    StatementCounter.Snapshot statements = counter.snapshot().minus(before);
    Map<String, Long> rowsAfter = Steps.asDriver(this::rowCounts);
    Map<String, Long> rows = new TreeMap<>();
    rowsAfter.forEach((table, count) -> {
      long delta = count - rowsBefore.getOrDefault(table, 0L);
      if (delta != 0) {
        rows.put(table, delta);
      }
    });
    Duration span = Duration.ofNanos(Math.max(lastFinish.get(), startNanos) - startNanos);
    return new Run(name, flavor, lifecycles, durations.size(), List.copyOf(failed), span, List.copyOf(durations),
        calls, statements, rows, calls.withStatus(409, 409), calls.withStatus(500, 599), calls.timeouts());
  }

  // ---------------------------------------------------------------------------------------------- finish line

  private boolean finished(Flavor flavor, String businessKey) {
    if (runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0) {
      return false;
    }
    String mainKey = flavor == Flavor.APPLICATION ? ServiceDeliveryProcess.KEY : BareProcess.KEY;
    if (historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).processDefinitionKey(mainKey).finished().count() != 1) {
      return false;
    }
    if (flavor == Flavor.BASELINE) {
      return true;
    }
    Set<String> sent =
        Set.copyOf(
            jdbc.sql("select distinct type from notification_outbox where request_id = ? and sent_at is not null")
                .param(businessKey)
                .query(String.class)
                .list());
    return sent.containsAll(MAILS);
  }

  /** rows per table of the database (application and engine) */
  Map<String, Long> rowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    List<String> tables =
        jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'""")
            .query(String.class)
            .list();
    for (String table : tables) {
      counts.put(table.toUpperCase(), jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
    }
    return counts;
  }

  // ---------------------------------------------------------------------------------------------- the people

  private static final class LifecycleFailed extends Exception {
    LifecycleFailed(String message) {
      super(message);
    }
  }

  /** The people of one worker, each with their own HTTP client and connection. */
  private final class Worker {

    private final Map<String, ApiClient> clients = new LinkedHashMap<>();
    private final CallLog calls;

    Worker(CallLog calls) {
      this.calls = calls;
      for (String user : List.of("portal", "coordinator", "staff1", "staff2", "qa")) {
        clients.put(user, new ApiClient(base, user, user, calls));
      }
    }

    void close() {
      clients.values().forEach(ApiClient::close);
    }

    /** @return the business key of the lifecycle, once its last task is completed */
    String lifecycle(Flavor flavor, String runId, int n) throws LifecycleFailed {
      String businessKey = flavor == Flavor.APPLICATION ? submit(runId, n) : startBaseline(runId, n);
      complete(List.of("coordinator"), businessKey, PLAN, plan());
      complete(STAFF, businessKey, EXECUTE, execution(n));
      complete(List.of("qa"), businessKey, REVIEW, Map.of("qualityVerdict", BenchmarkRequests.value("PASSED")));
      if (flavor == Flavor.APPLICATION) {
        // issue 15: a completed request waits for the customer's confirmation before it is closed
        ApiClient.Answer confirmed =
            clients.get("portal").post("POST /api/service-requests/{id}/confirmation",
                "/api/service-requests/" + businessKey + "/confirmation", Map.of());
        if (!confirmed.ok()) {
          throw new LifecycleFailed("confirmation failed: " + confirmed.status() + " " + Reports.oneLine(confirmed.body()));
        }
      }
      return businessKey;
    }

    /** The portal submits; a failed call is sent again with the same Idempotency-Key, as the key is meant for. */
    private String submit(String runId, int n) throws LifecycleFailed {
      Map<String, Object> body = BenchmarkRequests.body(runId, n);
      Map<String, String> key = Map.of("Idempotency-Key", "lifecycle-" + runId + "-" + n);
      ApiClient.Answer answer = null;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        answer = clients.get("portal").post("POST /api/service-requests", "/api/service-requests", body, key);
        if (answer.ok()) {
          return answer.json().path("requestId").asText();
        }
        if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 409) {
          break;
        }
        pause(attempt);
      }
      throw new LifecycleFailed("submission failed: " + answer.status() + " " + Reports.oneLine(answer.body()));
    }

    private String startBaseline(String runId, int n) throws LifecycleFailed {
      String businessKey = "BL-" + runId + "-" + n;
      ApiClient.Answer answer =
          clients.get("portal").post("POST /engine-rest/process-definition/key/{key}/start",
              engineRest + "/process-definition/key/" + BareProcess.KEY + "/start",
              BenchmarkRequests.baselineStart(runId, n, businessKey, assignee(n)));
      if (!answer.ok()) {
        throw new LifecycleFailed("start failed: " + answer.status() + " " + Reports.oneLine(answer.body()));
      }
      return businessKey;
    }

    /**
     * Finds the open task and completes it as one of the users who may (the first of them that sees it), again
     * after a failed completion as long as the task is still open.
     */
    private void complete(List<String> users, String businessKey, String taskKey, Map<String, Object> variables)
        throws LifecycleFailed {
      ApiClient.Answer answer = null;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Found found = find(users, businessKey, taskKey, attempt == 0 ? TASK_PATIENCE : Duration.ofSeconds(2));
        if (found == null) {
          if (attempt > 0) {
            return; // the failed answer came after all, or a time-out: the task is done
          }
          throw new LifecycleFailed(taskKey + " did not appear within " + TASK_PATIENCE);
        }
        answer = clients.get(found.user()).post("POST /engine-rest/task/{id}/complete (" + taskKey + ")",
            engineRest + "/task/" + found.taskId() + "/complete", Map.of("variables", variables),
            Map.of(ApiClient.TASK, taskKey));
        if (answer.ok()) {
          return;
        }
        pause(attempt);
      }
      throw new LifecycleFailed(taskKey + " not completed: " + answer.status() + " " + Reports.oneLine(answer.body()));
    }

    private record Found(String user, String taskId) {}

    /** Each user looks at their tasks in turn until one sees it; looking again is marked as a repeat. */
    private Found find(List<String> users, String businessKey, String taskKey, Duration patience) {
      Instant deadline = Instant.now().plus(patience);
      boolean repeat = false;
      int round = 0;
      while (true) {
        for (String user : users) {
          ApiClient.Answer answer = repeat
              ? clients.get(user).get("GET /engine-rest/task (repeated)", taskQuery(businessKey, taskKey), true)
              : clients.get(user).get("GET /engine-rest/task", taskQuery(businessKey, taskKey));
          if (answer.ok()) {
            JsonNode tasks = answer.json();
            if (tasks.size() > 0) {
              return new Found(user, tasks.get(0).path("id").asText());
            }
          }
        }
        if (Instant.now().isAfter(deadline)) {
          return null;
        }
        repeat = true;
        pause(Math.min(round++, 4));
      }
    }

    private String taskQuery(String businessKey, String taskKey) {
      return engineRest + "/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey;
    }
  }

  /** the staff member the baseline gives a request to, as the allocation would by skill */
  static String assignee(int n) {
    return switch (BenchmarkRequests.kind(n).serviceCode()) {
      case "NETWORK_ACCESS", "DATA_RECOVERY" -> "staff2";
      case "LAPTOP_PROVISIONING", "ONSITE_REPAIR" -> "staff1";
      default -> STAFF.get((n / BenchmarkRequests.KINDS.size()) % 2);
    };
  }

  // ---------------------------------------------------------------------------------------------- the forms

  /** what the coordinator enters in Plan delivery: start in an hour, done two hours later */
  private static Map<String, Object> plan() {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
    return Map.of(
        "plannedStart", BenchmarkRequests.value(start.format(FORM_DATE_TIME)),
        "plannedCompletion", BenchmarkRequests.value(start.plusHours(2).format(FORM_DATE_TIME)),
        "deliveryInstructions", BenchmarkRequests.value("Standard procedure, as planned by the benchmark."));
  }

  /** what the staff member enters in Execute service activities: every checklist item, the standard effort */
  private Map<String, Object> execution(int n) {
    return executions.computeIfAbsent(BenchmarkRequests.kind(n).serviceCode(),
        code -> Steps.asDriver(() -> execution(catalog.get(code))));
  }

  private static Map<String, Object> execution(ServiceDefinition service) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("checklistConfirmed", Map.of(
        "type", "Object",
        "value", ApiClient.json(service.checklist()),
        "valueInfo", Map.of(
            "objectTypeName", "java.util.ArrayList",
            "serializationDataFormat", "application/json")));
    variables.put("progressStatus", BenchmarkRequests.value("DONE"));
    variables.put("progressReport", BenchmarkRequests.value("Done as planned; tested with the user."));
    variables.put("effortHours", Map.of("value", service.standardEffortHours().doubleValue(), "type", "Double"));
    variables.put("materialsCost", Map.of("value", 0.0, "type", "Double"));
    return variables;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L << Math.min(attempt, 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
