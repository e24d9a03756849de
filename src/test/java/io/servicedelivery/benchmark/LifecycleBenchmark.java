package io.servicedelivery.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.benchmark.LifecycleDriver.Flavor;
import io.servicedelivery.benchmark.LifecycleDriver.Run;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.testsupport.TestMailServer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Whole lifecycles at once, over HTTP as the portal, the coordinator, the staff and the QA lead do them
 * ({@link LifecycleDriver}): {@value #DEFAULT_LIFECYCLES} requests by {@value #DEFAULT_WORKERS} workers, each from
 * submission to closure with its acknowledgement and completion mail sent. The baseline, in the same run and on
 * the same engine, drives {@link BareProcess} (the same three user tasks, two asynchronous continuations, no-op
 * service tasks) the same way. Every SQL statement on the application's DataSource is counted
 * ({@link StatementCounting}) and put down to the HTTP call or job that ran it. Reports lifecycles per second,
 * statements per lifecycle, 409 and 5xx answers, and the profile (statements per step and per table, rows left per
 * table) to {@code target/benchmark/lifecycle.md}; asserts that every lifecycle finished with its mails and that
 * no call was answered with a 5xx, never a time. {@code -Dbenchmark.lifecycles=60} for a quick run.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.generate-unique-process-engine-name=true",
      // a database of its own that is gone with the context (the test profile's is kept until the JVM ends)
      "spring.datasource.url=jdbc:h2:mem:lifecycle-benchmark-${random.uuid}"
    })
@ActiveProfiles({"test", "demo"})
@Import(StatementCounting.class)
@DirtiesContext
class LifecycleBenchmark {

  static final int DEFAULT_LIFECYCLES = 300;
  static final int DEFAULT_WORKERS = 12;
  private static final int LIFECYCLES = Integer.getInteger("benchmark.lifecycles", DEFAULT_LIFECYCLES);
  private static final int WORKERS = Integer.getInteger("benchmark.workers", DEFAULT_WORKERS);
  private static final int WARM_UP = Math.max(20, LIFECYCLES / 10);

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ServiceCatalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired StatementCounter counter;

  @Test
  void fullLifecycles() throws InterruptedException {
    Steps.asDriver(() -> {
      BareProcess.deploy(repositoryService, authorizationService);
      enoughCapacity(jdbc);
    });
    LifecycleDriver driver =
        new LifecycleDriver(port, processEngine.getName(), jdbc, runtimeService, historyService, catalog, counter);

    Run warmBaseline = driver.run("warm-up baseline", Flavor.BASELINE, WARM_UP, WORKERS);
    Run warmApplication = driver.run("warm-up application", Flavor.APPLICATION, WARM_UP, WORKERS);
    Run baseline = driver.run("baseline: bare process", Flavor.BASELINE, LIFECYCLES, WORKERS);
    Run application = driver.run("application: service-delivery", Flavor.APPLICATION, LIFECYCLES, WORKERS);

    Mails mails = Steps.asDriver(() -> mails(warmApplication.finished() + application.finished()));
    Reports.write("lifecycle.md", report(List.of(warmBaseline, warmApplication), baseline, application, mails));

    assertThat(application.failed()).as("lifecycles not finished").isEmpty();
    assertThat(application.finished()).as("lifecycles finished").isEqualTo(LIFECYCLES);
    assertThat(mails.received()).as("mails received by the mail server").isGreaterThanOrEqualTo(mails.expected());
    assertThat(application.serverErrors()).as("5xx answers").isZero();
    assertThat(application.timeouts()).as("time-outs").isZero();
  }

  /**
   * Room for every request: the seeded staff hold two or three requests at a time, the benchmark has many open at
   * once (the work itself takes no time here).
   */
  static void enoughCapacity(JdbcClient jdbc) {
    jdbc.sql("update staff_resource set capacity = 100000").update();
  }

  /** the completed lifecycles' mails: expected (acknowledgement and completion each), recorded, received */
  record Mails(long expected, Map<String, Long> recorded, long duplicates, long received) {}

  private Mails mails(long lifecycles) {
    Map<String, Long> recorded = new TreeMap<>();
    jdbc.sql("select type, count(*) from notification_outbox where sent_at is not null group by type")
        .query(rs -> {
          recorded.put(rs.getString(1), rs.getLong(2));
        });
    long duplicates =
        jdbc.sql("""
                select count(*) from (select request_id, type from notification_outbox
                group by request_id, type, recipient having count(*) > 1) d""")
            .query(Long.class)
            .single();
    long received =
        TestMailServer.received().stream()
            .filter(mail -> mail.recipient().equals(BenchmarkRequests.REQUESTER_EMAIL))
            .count();
    return new Mails(lifecycles * LifecycleDriver.MAILS.size(), recorded, duplicates, received);
  }

  private String report(List<Run> warmUps, Run baseline, Run application, Mails mails) {
    StringBuilder report = new StringBuilder();
    report.append("# Lifecycle benchmark\n\n");
    report.append(Reports.setup(environment, dataSource, processEngine)).append("\n\n");
    report.append(String.format(Locale.ROOT,
        "%d lifecycles by %d workers at once, after a warm-up of %d of each kind. A lifecycle: the portal submits "
            + "(application: `POST /api/service-requests`; baseline: a start of `%s` over /engine-rest), the "
            + "coordinator plans, the assigned staff member executes, the QA lead reviews, each finding the task by "
            + "business key and task definition key and completing it over /engine-rest with the variables of its "
            + "form; finished when nothing with its business key runs any more and (application) its "
            + "acknowledgement and completion mail are recorded as sent. Statements: every SQL statement of the "
            + "HTTP calls and jobs of the run on the application's DataSource (a JDBC batch counts one per row), "
            + "divided by the lifecycles; look-ups repeated while waiting for a task, the driver's own checks and "
            + "background work (metrics refresh) are not counted. Lifecycles per second: all finished lifecycles "
            + "over the time from the first submission to the last one's end, so a lifecycle that is held up (a "
            + "job that lost an optimistic-locking race waits out its lock, 5 minutes) shows there and as the "
            + "slowest.%n%n",
        LIFECYCLES, WORKERS, WARM_UP, BareProcess.KEY));
    report.append(LifecycleReport.summaryHeader());
    warmUps.forEach(run -> report.append(LifecycleReport.summaryLine(run)));
    report.append(LifecycleReport.summaryLine(baseline));
    report.append(LifecycleReport.summaryLine(application));
    double speed = application.lifecyclesPerSecond() / Math.max(0.001, baseline.lifecyclesPerSecond());
    double statements =
        application.perLifecycle(application.statements().lifecycleTotal().statements())
            / Math.max(1, baseline.perLifecycle(baseline.statements().lifecycleTotal().statements()));
    report.append(String.format(Locale.ROOT,
        "%nApplication / baseline: lifecycles per second **%.2f** (goal ≥ 0.8: %s), statements per lifecycle "
            + "**%.2f** (goal ≤ 1.25: %s); 5xx answers: %d (goal 0: %s), 409: %d.%n%n",
        speed, Reports.yesNo(speed >= 0.8), statements, Reports.yesNo(statements <= 1.25),
        application.serverErrors(), Reports.yesNo(application.serverErrors() == 0), application.conflicts()));
    report.append(String.format(Locale.ROOT,
        "Mails: %d expected (acknowledgement and completion of %d finished lifecycles), recorded as sent in "
            + "`notification_outbox`: %s, %d request/type/recipient recorded more than once; %d received by the "
            + "mail server for the requester.%n%n",
        mails.expected(), mails.expected() / LifecycleDriver.MAILS.size(), mails.recorded(), mails.duplicates(),
        mails.received()));
    report.append("## Where the statements go\n\n");
    report.append("### Per step, application\n\n").append(LifecycleReport.steps(application)).append('\n');
    report.append("### Per step, baseline\n\n").append(LifecycleReport.steps(baseline)).append('\n');
    report.append("### Per table, per lifecycle\n\n").append(LifecycleReport.tables(application, baseline))
        .append('\n');
    report.append("### Rows a lifecycle leaves, per table\n\n")
        .append("Rows added per finished lifecycle (history and records; runtime rows are gone when it ends).\n\n")
        .append(LifecycleReport.rows(application, baseline)).append('\n');
    report.append("## Failures\n\n");
    report.append(LifecycleReport.failures(baseline)).append(LifecycleReport.failures(application));
    return report.toString();
  }
}
