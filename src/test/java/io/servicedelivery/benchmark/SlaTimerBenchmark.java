package io.servicedelivery.benchmark;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.DELIVER_SERVICE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_BREACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_1_REACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_2_REACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_3_REACHED;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.benchmark.TimerLoad.Scenario;
import io.servicedelivery.benchmark.TimerLoad.Scheduled;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
  private static final List<String> SLA_TIMERS =
      List.of(SLA_WARNING_1_REACHED, SLA_WARNING_2_REACHED, SLA_WARNING_3_REACHED, SLA_BREACHED);

  /**
   * steady: a tenth of the active timers come due over 100 s, the others wait (a large service desk's busiest hour
   * is far below this); spread: all due within 20 s; burst: all due at once, how fast a backlog is worked off.
   */
  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("steady", TIMERS / 10, Duration.ofSeconds(100)),
          new Scenario("spread", TIMERS, Duration.ofSeconds(20)),
          new Scenario("burst", TIMERS, Duration.ZERO));

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void slaTimersFireAboutAsPromptlyAsPlainTimersOnABareEngine() throws Exception {
    List<TimerRun> bare = bareEngine(applicationJobExecutor());
    List<TimerRun> application = new ArrayList<>();
    for (Scenario scenario : SCENARIOS) {
      application.add(application(scenario));
    }

    String report = report(bare, application);
    Path file = Path.of("target", "benchmark", "sla-timers.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println(report);
    for (int i = 0; i < SCENARIOS.size(); i++) {
      int due = SCENARIOS.get(i).dueTimers() / SLA_TIMERS.size() * SLA_TIMERS.size();
      assertThat(bare.get(i).lags()).as(bare.get(i).name()).hasSize(due);
      assertThat(application.get(i).lags()).as(application.get(i).name()).hasSize(due);
    }
  }

  /**
   * Requests waiting in the delivery scope, each with its three SLA warning timers and its breach timer; they are
   * deleted after the run, so that the next one starts with only its own timers.
   */
  private TimerRun application(Scenario scenario) throws InterruptedException {
    Date farAway = Date.from(Instant.now().plus(Duration.ofDays(30)));
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < TIMERS / SLA_TIMERS.size(); i++) {
      String requestId = "BENCH-" + UUID.randomUUID();
      ProcessInstance instance =
          runtimeService
              .createProcessInstanceByKey(ServiceDeliveryProcess.KEY)
              .businessKey(requestId)
              .startBeforeActivity(DELIVER_SERVICE)
              .setVariable(Variables.REQUEST_ID, requestId)
              .setVariable(ResourceAllocationProcess.Variables.ALLOCATED_RESOURCE, "staff1")
              .setVariable(Variables.TITLE, "Benchmark request " + i)
              .setVariable(Variables.RECEIVED_AT, new Date())
              .setVariable(Variables.RESOLUTION_DUE_AT, farAway)
              .setVariable(Variables.SLA_WARNING_1_AT, farAway)
              .setVariable(Variables.SLA_WARNING_2_AT, farAway)
              .setVariable(Variables.SLA_WARNING_3_AT, farAway)
              .setVariable(
                  QualityControlProcess.Variables.CHECKLIST_ITEMS,
                  org.camunda.bpm.engine.variable.Variables.objectValue(new ArrayList<>(List.of("Done")))
                      .serializationDataFormat(SerializationDataFormats.JSON)
                      .create())
              .execute();
      instances.add(instance.getId());
    }
    Scheduled scheduled = TimerLoad.schedule(managementService, SLA_TIMERS, scenario);
    TimerRun run =
        TimerLoad.measure(
            "service-delivery SLA timers, " + scenario.name(), historyService, managementService, SLA_TIMERS,
            scheduled);
    runtimeService.deleteProcessInstances(instances, "benchmark run over", true, true);
    return run;
  }

  /** The same number of timers, each the only thing a process does, on an engine of its own. */
  private static List<TimerRun> bareEngine(JobExecutor application) throws InterruptedException {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("baseline-" + UUID.randomUUID())
                .setJdbcUrl("jdbc:h2:mem:baseline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY)
                .setJobExecutorActivate(true);
    configuration.setJobExecutor(sameAs(application));
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
      List<TimerRun> runs = new ArrayList<>();
      for (Scenario scenario : SCENARIOS) {
        runs.add(bareRun(engine, scenario));
      }
      return runs;
    } finally {
      engine.close();
    }
  }

  private static TimerRun bareRun(ProcessEngine engine, Scenario scenario) throws InterruptedException {
    Date farAway = Date.from(Instant.now().plus(Duration.ofDays(30)));
    for (int i = 0; i < TIMERS; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("bare-timer", Map.of("dueAt", farAway));
    }
    Scheduled scheduled = TimerLoad.schedule(engine.getManagementService(), List.of("timer"), scenario);
    TimerRun run =
        TimerLoad.measure(
            "bare engine timers, " + scenario.name(), engine.getHistoryService(), engine.getManagementService(),
            List.of("timer"), scheduled);
    List<String> left =
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("bare-timer").list().stream()
            .map(ProcessInstance::getId)
            .toList();
    if (!left.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(left, "benchmark run over", true, true);
    }
    return run;
  }

  private JobExecutor applicationJobExecutor() {
    return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
  }

  /**
   * The acquisition settings of the application's job executor (application.yaml) and the Spring Boot starter's
   * default pool: 3 to 10 threads, a queue of 3.
   */
  private static JobExecutor sameAs(JobExecutor application) {
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis(application.getWaitTimeInMillis());
    jobExecutor.setMaxWait(application.getMaxWait());
    jobExecutor.setMaxJobsPerAcquisition(application.getMaxJobsPerAcquisition());
    jobExecutor.setCorePoolSize(3);
    jobExecutor.setMaxPoolSize(10);
    jobExecutor.setQueueSize(3);
    return jobExecutor;
  }

  private String report(List<TimerRun> bare, List<TimerRun> application) {
    JobExecutor executor = applicationJobExecutor();
    StringBuilder report = new StringBuilder();
    report.append("# SLA timer benchmark\n\n");
    report.append(String.format(Locale.ROOT,
        "Job executor as in application.yaml: %d ms wait, %d ms max wait, %d jobs per acquisition, 3-10 threads. ",
        executor.getWaitTimeInMillis(), executor.getMaxWait(), executor.getMaxJobsPerAcquisition()));
    report.append("Each run starts with " + TIMERS + " active timers; the service-delivery timers are those of "
        + "requests waiting in *Deliver service*, whose warnings send mail and whose breach starts *Handle SLA "
        + "breach*.\n\n");
    for (Scenario scenario : SCENARIOS) {
      report.append("- ").append(scenario.name()).append(": ").append(scenario.describe(TIMERS)).append("\n");
    }
    report.append("\n| run | timers | median lag | p95 lag | p99 lag | max lag | timers/s |\n");
    report.append("|---|---|---|---|---|---|---|\n");
    List<TimerRun> all = new ArrayList<>(bare);
    all.addAll(application);
    for (TimerRun run : all) {
      report.append(String.format(Locale.ROOT, "| %s | %d | %d ms | %d ms | %d ms | %d ms | %.1f |%n",
          run.name(), run.lags().size(), run.percentile(50).toMillis(), run.percentile(95).toMillis(),
          run.percentile(99).toMillis(), run.percentile(100).toMillis(), run.timersPerSecond()));
    }
    report.append("\nRatios service-delivery / bare engine:\n\n");
    for (int i = 0; i < SCENARIOS.size(); i++) {
      report.append(String.format(Locale.ROOT,
          "- %s: median lag %.2f, p99 lag %.2f, throughput %.2f%n",
          SCENARIOS.get(i).name(),
          ratio(application.get(i).percentile(50), bare.get(i).percentile(50)),
          ratio(application.get(i).percentile(99), bare.get(i).percentile(99)),
          application.get(i).timersPerSecond() / bare.get(i).timersPerSecond()));
    }
    return report.toString();
  }

  private static double ratio(Duration a, Duration b) {
    return a.toMillis() / (double) Math.max(1, b.toMillis());
  }

}
