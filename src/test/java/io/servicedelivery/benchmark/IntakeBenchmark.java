package io.servicedelivery.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Intake under load: {@value #DEFAULT_SUBMISSIONS} requests submitted to {@code POST /api/service-requests} by
 * {@value #DEFAULT_CLIENTS} HTTP clients at once (each its own TCP connection, HTTP Basic as {@code portal}), a tenth
 * of them sent a second time with the same Idempotency-Key and body, shortly after the first (often while the first
 * is still being answered, as a client that gave up waiting would). The baseline, in the same run and on the same
 * application, starts a bare process ({@link BareProcess}) through {@code /engine-rest} with the same variables and
 * business key for each request and looks the instance up by business key for each retry: the same HTTP stack, the
 * same authentication against the Camunda users and the same engine, JDBC pool and job executor, so the ratio is
 * what the application's intake (idempotency, validation against the catalog, the request number, the record, the
 * SLA and the delivery's timers and notifications) costs on top of a process start. Reports throughput, median and
 * p99 latency to {@code target/benchmark/intake.md}; asserts only correctness: every distinct request stored once
 * with one process instance, no 5xx and no time-out. {@code -Dbenchmark.submissions=500} for a quick run.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.generate-unique-process-engine-name=true",
      // a database of its own that is gone with the context (the test profile's is kept until the JVM ends)
      "spring.datasource.url=jdbc:h2:mem:intake-benchmark-${random.uuid}"
    })
@ActiveProfiles({"test", "demo"})
@DirtiesContext
class IntakeBenchmark {

  static final int DEFAULT_SUBMISSIONS = 5_000;
  static final int DEFAULT_CLIENTS = 64;
  private static final int SUBMISSIONS = Integer.getInteger("benchmark.submissions", DEFAULT_SUBMISSIONS);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", DEFAULT_CLIENTS);
  private static final int RETRY_EVERY = 10;
  private static final int WARM_UP = Math.max(100, SUBMISSIONS / 20);
  private static final int WARM_UP_CLIENTS = 4;
  /** a run that takes longer stops sending (the rest is reported as not sent): a stalled run must end */
  private static final Duration BUDGET = Duration.ofMinutes(Long.getLong("benchmark.intake.minutes", 4));
  private static final Duration MAIL_PATIENCE = Duration.ofMinutes(3);
  private static final String SUBMIT = "POST /api/service-requests";
  private static final String START = "POST /engine-rest/process-definition/key/{key}/start";
  private static final String LOOK_UP = "GET /engine-rest/process-instance?businessKey=";

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;

  /** one call of a run: the n-th request, first sent or retried */
  private record Call(int n, boolean retry) {}

  /** what a run measured: the calls planned and how many were sent before the budget ran out */
  private record Run(String name, List<Call> calls, int sent, CallLog log, Duration span,
      Map<Integer, List<String>> answers, Duration mailsDrained) {

    double callsPerSecond() {
      return sent / Math.max(0.001, span.toMillis() / 1000.0);
    }

    long distinctSent() {
      return calls.subList(0, sent).stream().map(Call::n).distinct().count();
    }
  }

  @Test
  void intakeUnderLoad() throws InterruptedException {
    Steps.asDriver(() -> BareProcess.deploy(repositoryService, authorizationService));
    String id = Long.toString(System.currentTimeMillis(), 36);

    run("warm-up baseline", id + "w", WARM_UP, WARM_UP_CLIENTS, this::baselineCall);
    Run warmUp = run("warm-up application", id + "w", WARM_UP, WARM_UP_CLIENTS, this::applicationCall);
    Run baseline = run("baseline: bare process start over /engine-rest", id, SUBMISSIONS, CLIENTS, this::baselineCall);
    Run application =
        run("application: POST /api/service-requests", id, SUBMISSIONS, CLIENTS, this::applicationCall);

    Verification verification = Steps.asDriver(() -> verify(warmUp, application));
    Reports.write("intake.md", report(baseline, application, verification));

    assertThat(application.sent()).as("calls sent within " + BUDGET).isEqualTo(application.calls().size());
    assertThat(verification.stored()).as("requests stored").isEqualTo(verification.expected());
    assertThat(verification.instances()).as("service-delivery instances").isEqualTo(verification.expected());
    assertThat(verification.requestsWithoutOneInstance()).as("requests without exactly one instance").isZero();
    assertThat(verification.retriesAnsweredWithAnotherRequest()).as("retries answered with another request").isZero();
    assertThat(application.log().withStatus(500, 599)).as("5xx answers").isZero();
    assertThat(application.log().timeouts()).as("time-outs").isZero();
  }

  // ---------------------------------------------------------------------------------------------- the runs

  /**
   * The calls of a run: the n-th request for every n, and a retry of every {@value #RETRY_EVERY}th shortly after
   * it, up to twice the number of clients calls later, so that many retries arrive while the first call is still
   * being answered.
   */
  private static List<Call> calls(int submissions) {
    Random random = new Random(submissions);
    record Placed(double position, Call call) {}
    List<Placed> placed = new ArrayList<>();
    for (int n = 0; n < submissions; n++) {
      placed.add(new Placed(n, new Call(n, false)));
      if (n % RETRY_EVERY == RETRY_EVERY / 2) {
        placed.add(new Placed(n + 0.5 + random.nextInt(2 * CLIENTS), new Call(n, true)));
      }
    }
    placed.sort(Comparator.comparingDouble(Placed::position));
    return placed.stream().map(Placed::call).toList();
  }

  private interface CallMaker {
    ApiClient.Answer call(ApiClient client, String runId, Call call, CallLog log);
  }

  private Run run(String name, String runId, int submissions, int clients, CallMaker maker)
      throws InterruptedException {
    List<Call> calls = calls(submissions);
    CallLog log = new CallLog();
    Map<Integer, List<String>> answers = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients);
    URI base = URI.create("http://localhost:" + port + "/");
    Instant start = Instant.now();
    Instant stop = start.plus(name.startsWith("warm-up") ? BUDGET.dividedBy(4) : BUDGET);
    for (int c = 0; c < clients; c++) {
      Thread client = new Thread(() -> {
        ApiClient http = new ApiClient(base, "portal", "portal", log);
        try {
          int i;
          while (Instant.now().isBefore(stop) && (i = next.getAndIncrement()) < calls.size()) {
            sent.incrementAndGet();
            Call call = calls.get(i);
            ApiClient.Answer answer = maker.call(http, runId, call, log);
            if (answer.ok()) {
              String requestId = answer.json().path("requestId").asText(null);
              answers.computeIfAbsent(call.n(), n -> Collections.synchronizedList(new ArrayList<>()))
                  .add(requestId);
            }
          }
        } finally {
          http.close();
          done.countDown();
        }
      }, "benchmark-client-" + c);
      client.start();
    }
    done.await();
    Duration span = Duration.between(start, Instant.now());
    Duration drained = Steps.asDriver(this::awaitJobs);
    return new Run(name, calls, Math.min(sent.get(), calls.size()), log, span, answers, drained);
  }

  private ApiClient.Answer applicationCall(ApiClient client, String runId, Call call, CallLog log) {
    ApiClient.Answer answer =
        client.post(SUBMIT, "/api/service-requests", BenchmarkRequests.body(runId, call.n()),
            Map.of("Idempotency-Key", runId + "-" + call.n()));
    return answer;
  }

  private ApiClient.Answer baselineCall(ApiClient client, String runId, Call call, CallLog log) {
    String businessKey = "BL-" + runId + "-" + call.n();
    ApiClient.Answer answer =
        call.retry()
            ? client.get(LOOK_UP, engineRest() + "/process-instance?processDefinitionKey=" + BareProcess.KEY
                + "&businessKey=" + businessKey)
            : client.post(START, engineRest() + "/process-definition/key/" + BareProcess.KEY + "/start",
                BenchmarkRequests.baselineStart(runId, call.n(), businessKey, call.n() % 2 == 0 ? "staff1" : "staff2"));
    return answer;
  }

  /**
   * The engine's REST API: the benchmark's engine has a name of its own (several test contexts live in one JVM), so
   * it is addressed by name; {@code /engine-rest/engine/{name}/task} is {@code /engine-rest/task} of that engine.
   */
  private String engineRest() {
    return "/engine-rest/engine/" + processEngine.getName();
  }

  /** Waits until the jobs the run left (the acknowledgements) are done. @return how long that took */
  private Duration awaitJobs() {
    Instant start = Instant.now();
    Instant deadline = start.plus(MAIL_PATIENCE);
    while (managementService.createJobQuery().messages().executable().count() > 0
        && Instant.now().isBefore(deadline)) {
      sleep(250);
    }
    return Duration.between(start, Instant.now());
  }

  // ---------------------------------------------------------------------------------------------- correctness

  private record Verification(
      long expected, long stored, long instances, long requestsWithoutOneInstance,
      long retriesAnsweredWithAnotherRequest, long acknowledged, long pendingJobs) {}

  private Verification verify(Run warmUp, Run application) {
    // the warm-up's requests are in the database too: every distinct request submitted by either
    long expected = warmUp.distinctSent() + application.distinctSent();
    long stored = jdbc.sql("select count(*) from service_request").query(Long.class).single();
    long instances =
        jdbc.sql("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and SUPER_PROCESS_INSTANCE_ID_ is null")
            .param(ServiceDeliveryProcess.KEY)
            .query(Long.class)
            .single();
    long withoutOne =
        jdbc.sql("""
                select count(*) from service_request r
                where (select count(*) from ACT_HI_PROCINST p
                       where p.BUSINESS_KEY_ = r.request_id and p.PROC_DEF_KEY_ = ?) <> 1""")
            .param(ServiceDeliveryProcess.KEY)
            .query(Long.class)
            .single();
    long retriesElsewhere =
        application.answers().values().stream()
            .filter(requestIds -> requestIds.stream().distinct().count() > 1)
            .count();
    long acknowledged =
        jdbc.sql("select count(distinct request_id) from notification_outbox where type = 'REQUEST_ACKNOWLEDGED'")
            .query(Long.class)
            .single();
    long pendingJobs = managementService.createJobQuery().messages().count();
    return new Verification(expected, stored, instances, withoutOne, retriesElsewhere, acknowledged, pendingJobs);
  }

  // ---------------------------------------------------------------------------------------------- report

  private String report(Run baseline, Run application, Verification verification) {
    StringBuilder report = new StringBuilder();
    report.append("# Intake benchmark\n\n");
    report.append(Reports.setup(environment, dataSource, processEngine)).append("\n\n");
    report.append(String.format(Locale.ROOT,
        "%d requests submitted by %d clients at once, each over its own connection with HTTP Basic as `portal`; "
            + "every %dth sent again with the same Idempotency-Key and body up to %d calls later (%d retries). "
            + "Baseline: the same calls as a start of the bare process `%s` over /engine-rest with the same "
            + "variables and business key, and a look-up of the instance by business key for each retry. Each run "
            + "follows a warm-up of %d requests by %d clients. A run stops sending after %d minutes. *Jobs done*: "
            + "how long after the last answer the jobs the run left (the acknowledgement mails) were all done.%n%n",
        SUBMISSIONS, CLIENTS, RETRY_EVERY, 2 * CLIENTS, application.calls().size() - SUBMISSIONS, BareProcess.KEY,
        WARM_UP, WARM_UP_CLIENTS, BUDGET.toMinutes()));
    report.append("| run | calls | calls/s | median | p95 | p99 | max | p99 / median | goal p99 ≤ 3 × median "
        + "| 2xx | 409 | other 4xx | 5xx | time-outs | jobs done |\n");
    report.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Run run : List.of(baseline, application)) {
      CallLog.Latencies latencies = run.log().latencies();
      double median = latencies.percentileMillisExact(50);
      double p99 = latencies.percentileMillisExact(99);
      report.append(String.format(Locale.ROOT,
          "| %s | %s | %.0f | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.1f | %s | %d | %d | %d | %d | %d | %.0f s |%n",
          run.name(),
          run.sent() == run.calls().size()
              ? Integer.toString(run.sent())
              : run.sent() + " of " + run.calls().size() + " (stopped)",
          run.callsPerSecond(), median, latencies.percentileMillisExact(95), p99,
          latencies.percentileMillisExact(100), p99 / Math.max(0.001, median), Reports.yesNo(p99 <= 3 * median),
          run.log().withStatus(200, 299), run.log().withStatus(409, 409),
          run.log().withStatus(400, 499) - run.log().withStatus(409, 409),
          run.log().withStatus(500, 599), run.log().timeouts(), run.mailsDrained().toMillis() / 1000.0));
    }
    CallLog.Latencies bare = baseline.log().latencies();
    CallLog.Latencies app = application.log().latencies();
    report.append(String.format(Locale.ROOT,
        "%nRatios application / baseline: throughput %s, median latency %s, p99 latency %s.%n%n",
        Reports.ratio(application.callsPerSecond(), baseline.callsPerSecond()),
        Reports.ratio(app.percentileMillisExact(50), bare.percentileMillisExact(50)),
        Reports.ratio(app.percentileMillisExact(99), bare.percentileMillisExact(99))));
    report.append("Answers by kind of call:\n\n");
    for (Run run : List.of(baseline, application)) {
      run.log().statuses().forEach((kind, statuses) ->
          report.append("- ").append(run.name()).append(", ").append(kind).append(": ").append(statuses).append('\n'));
    }
    report.append(String.format(Locale.ROOT,
        "%nCorrectness (application, warm-up included): %d distinct requests submitted, %d stored in "
            + "`service_request`, %d `service-delivery` instances, %d requests without exactly one instance (business "
            + "key = request id), %d retries answered with another request than the first call, %d requests "
            + "acknowledged by mail (`notification_outbox`), %d notification jobs left.%n%n",
        verification.expected(), verification.stored(), verification.instances(),
        verification.requestsWithoutOneInstance(), verification.retriesAnsweredWithAnotherRequest(),
        verification.acknowledged(), verification.pendingJobs()));
    report.append("Failed answers (the first few bodies of each kind):\n\n");
    report.append("- baseline:\n").append(indent(Reports.failures(baseline.log().failures())));
    report.append("- application:\n").append(indent(Reports.failures(application.log().failures())));
    return report.toString();
  }

  private static String indent(String list) {
    return list.lines().map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
