package io.servicedelivery.benchmark;

import static io.servicedelivery.delivery.ProcessConstants.Elements.DELIVER_SERVICE;
import static io.servicedelivery.delivery.ProcessConstants.Elements.SLA_BREACHED;
import static io.servicedelivery.delivery.ProcessConstants.Elements.SLA_WARNING_1_REACHED;
import static io.servicedelivery.delivery.ProcessConstants.Elements.SLA_WARNING_2_REACHED;
import static io.servicedelivery.delivery.ProcessConstants.Elements.SLA_WARNING_3_REACHED;
import static io.servicedelivery.delivery.ProcessConstants.ProcessKeys.SERVICE_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.delivery.ProcessConstants.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * How late the SLA timers of {@code service-delivery} fire when many are due at once, compared with plain timers
 * on a bare engine with the same job executor settings, in the same run: {@code ./mvnw -Pbenchmark verify}.
 * Reports median, p95 and p99 lag and the throughput to {@code target/benchmark/sla-timers.md}; it asserts only
 * that every timer fired, never a time.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.generate-unique-process-engine-name=true"
    })
@ActiveProfiles({"test", "demo"})
class SlaTimerBenchmark {

  private static final int TIMERS = Integer.getInteger("benchmark.timers", 10_000);
  private static final List<String> SLA_TIMERS = List.of(SLA_WARNING_1_REACHED, SLA_WARNING_2_REACHED, SLA_WARNING_3_REACHED, SLA_BREACHED);

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void slaTimersFireAboutAsPromptlyAsPlainTimersOnABareEngine() throws Exception {
    List<TimerRun> bare = bareEngine(TIMERS);
    List<TimerRun> application =
        List.of(
            application(TIMERS / SLA_TIMERS.size(), TimerLoad.SPREAD, "service-delivery SLA timers, spread"),
            application(TIMERS / SLA_TIMERS.size(), TimerLoad.BURST, "service-delivery SLA timers, burst"));

    String report = report(bare, application);
    Path file = Path.of("target", "benchmark", "sla-timers.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println(report);
    bare.forEach(run -> assertThat(run.lags()).as(run.name()).hasSize(TIMERS));
    application.forEach(
        run -> assertThat(run.lags()).as(run.name()).hasSize(TIMERS / SLA_TIMERS.size() * SLA_TIMERS.size()));
  }

  /** Requests waiting in the delivery scope, each with its three SLA warning timers and its breach timer. */
  private TimerRun application(int requests, Duration window, String name) throws InterruptedException {
    Date farAway = Date.from(Instant.now().plus(Duration.ofDays(30)));
    for (int i = 0; i < requests; i++) {
      String requestId = "BENCH-" + UUID.randomUUID();
      runtimeService
          .createProcessInstanceByKey(SERVICE_DELIVERY)
          .businessKey(requestId)
          .startBeforeActivity(DELIVER_SERVICE)
          .setVariable(Variables.REQUEST_ID, requestId)
          .setVariable(Variables.ALLOCATED_RESOURCE, "staff1")
          .setVariable(Variables.TITLE, "Benchmark request " + i)
          .setVariable(Variables.RECEIVED_AT, new Date())
          .setVariable(Variables.RESOLUTION_DUE_AT, farAway)
          .setVariable(Variables.SLA_WARNING_1_AT, farAway)
          .setVariable(Variables.SLA_WARNING_2_AT, farAway)
          .setVariable(Variables.SLA_WARNING_3_AT, farAway)
          .setVariable(
              Variables.CHECKLIST_ITEMS,
              org.camunda.bpm.engine.variable.Variables.objectValue(new java.util.ArrayList<>(List.of("Done")))
                  .serializationDataFormat(SerializationDataFormats.JSON)
                  .create())
          .execute();
    }
    Map<String, Instant> due = TimerLoad.scheduleAll(managementService, SLA_TIMERS, window);
    return TimerLoad.measure(name, historyService, managementService, SLA_TIMERS, due);
  }

  /** The same number of timers, each the only thing a process does, on an engine of its own. */
  private static List<TimerRun> bareEngine(int timers) throws InterruptedException {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("baseline-" + UUID.randomUUID())
                .setJdbcUrl("jdbc:h2:mem:baseline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY)
                .setJobExecutorActivate(true);
    configuration.setJobExecutor(sameAsTheApplication());
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      BpmnModelInstance bare =
          Bpmn.createExecutableProcess("bare-timer")
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .intermediateCatchEvent("timer")
              .timerWithDate("${dueAt}")
              .endEvent()
              .done();
      engine.getRepositoryService().createDeployment().addModelInstance("bare-timer.bpmn", bare).deploy();
      return List.of(
          bareRun(engine, timers, TimerLoad.SPREAD, "bare engine timers, spread"),
          bareRun(engine, timers, TimerLoad.BURST, "bare engine timers, burst"));
    } finally {
      engine.close();
    }
  }

  private static TimerRun bareRun(ProcessEngine engine, int timers, Duration window, String name)
      throws InterruptedException {
    Date farAway = Date.from(Instant.now().plus(Duration.ofDays(30)));
    for (int i = 0; i < timers; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("bare-timer", Map.of("dueAt", farAway));
    }
    Map<String, Instant> due = TimerLoad.scheduleAll(engine.getManagementService(), List.of("timer"), window);
    return TimerLoad.measure(name, engine.getHistoryService(), engine.getManagementService(), List.of("timer"), due);
  }

  /** The job executor settings of application.yaml and the Spring Boot starter's pool defaults. */
  private static JobExecutor sameAsTheApplication() {
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis(500);
    jobExecutor.setMaxWait(2000);
    jobExecutor.setMaxJobsPerAcquisition(3);
    jobExecutor.setCorePoolSize(3);
    jobExecutor.setMaxPoolSize(10);
    jobExecutor.setQueueSize(3);
    return jobExecutor;
  }

  private static String report(List<TimerRun> bare, List<TimerRun> application) {
    StringBuilder report = new StringBuilder();
    report.append("# SLA timer benchmark\n\n");
    report.append(String.format(Locale.ROOT,
        "%d timers per run; spread: due evenly within %d s; burst: all due at once. Job executor as in "
            + "application.yaml: 500 ms wait, 2 s max wait, 3 jobs per acquisition, 3-10 threads.%n%n",
        TIMERS, TimerLoad.SPREAD.toSeconds()));
    report.append("| run | timers | median lag | p95 lag | p99 lag | max lag | timers/s |\n");
    report.append("|---|---|---|---|---|---|---|\n");
    for (TimerRun run : concat(bare, application)) {
      report.append(String.format(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms | %d ms | %.0f |%n",
          run.name(), run.lags().size(), run.percentile(50).toMillis(), run.percentile(95).toMillis(),
          run.percentile(99).toMillis(), run.percentile(100).toMillis(), run.timersPerSecond()));
    }
    report.append("\nRatios service-delivery / bare engine:\n\n");
    for (int i = 0; i < bare.size(); i++) {
      report.append(String.format(Locale.ROOT,
          "- %s: median lag %.2f, p99 lag %.2f, throughput %.2f%n",
          i == 0 ? "spread" : "burst",
          ratio(application.get(i).percentile(50), bare.get(i).percentile(50)),
          ratio(application.get(i).percentile(99), bare.get(i).percentile(99)),
          application.get(i).timersPerSecond() / bare.get(i).timersPerSecond()));
    }
    return report.toString();
  }

  private static List<TimerRun> concat(List<TimerRun> a, List<TimerRun> b) {
    List<TimerRun> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static double ratio(Duration a, Duration b) {
    return a.toMillis() / (double) Math.max(1, b.toMillis());
  }

}
