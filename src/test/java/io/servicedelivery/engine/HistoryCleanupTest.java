package io.servicedelivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.AsyncJobs;
import io.servicedelivery.testsupport.RunningRequests;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda's history does not grow forever (issue 11): a request that ended longer ago than its diagram's
 * historyTimeToLive leaves the history at the history cleanup, with the processes it called, while its service
 * delivery record and the KPIs, in the application's own tables, keep it. The cleanup is one job, due in the nightly
 * window of the configuration. In a database of its own: the cleanup deletes whatever history has expired.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.generate-unique-process-engine-name=true")
@ActiveProfiles({"test", "demo"})
@ExcludeFromProcessCoverage
@DirtiesContext // a configuration of its own, which no other test class shares
class HistoryCleanupTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  /** the historyTimeToLive of service-delivery.bpmn, in days */
  private static final int TIME_TO_LIVE = 180;

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine processEngine;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ServiceCatalog catalog;
  @Autowired JdbcClient jdbc;

  private ApiDeliveries deliveries;

  @BeforeEach
  void deliveries() {
    deliveries = new ApiDeliveries(http, taskService, catalog);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void anEndedRequestLeavesTheHistoryAfterItsTimeToLiveAndStaysInItsRecordAndTheKpis() {
    ClockUtil.setCurrentTime(Date.from(T0));
    String requestId = deliveries.deliver(2.0, 0.0);
    // its mails go out: the notification instances end too
    AsyncJobs.runDue(managementService, null);
    HistoricProcessInstance request =
        historyService.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(requestId)
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .singleResult();
    assertThat(request.getEndTime()).as("the request has ended").isNotNull();
    // calendar days in the JVM's zone, as the engine adds them: across a change to or from summer time not 180 x 24 h
    Instant removal =
        request.getEndTime().toInstant().atZone(ZoneId.systemDefault()).plusDays(TIME_TO_LIVE).toInstant();
    assertThat(request.getRemovalTime()).isEqualTo(Date.from(removal));
    assertThat(historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(request.getId()).list())
        .as("the request and the processes it called (resource allocation, quality control)")
        .hasSizeGreaterThan(1)
        .allSatisfy(instance -> assertThat(instance.getRemovalTime()).isEqualTo(Date.from(removal)));
    assertThat(steps(requestId)).isNotEmpty();

    cleanUpAt(removal.minus(Duration.ofDays(1)));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(request.getId()).count())
        .as("a day before its removal time")
        .isOne();

    cleanUpAt(removal.plus(Duration.ofMinutes(1)));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestId).count())
        .as("the request, the processes it called and its mails")
        .isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId()).count())
        .isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(request.getId()).count())
        .isZero();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(request.getId()).count())
        .as("the priority matrix's decisions")
        .isZero();

    JsonNode record =
        http.withBasicAuth("manager", "manager")
            .getForObject("/api/service-requests/" + requestId + "/record", JsonNode.class);
    assertThat(record.path("outcome").asText()).isEqualTo("CLOSED");
    assertThat(record.path("cost").path("effortHours").decimalValue()).isEqualByComparingTo("2");
    assertThat(record.path("steps")).as("read from the history").isEmpty();
    JsonNode kpis =
        http.withBasicAuth("manager", "manager").getForObject("/api/kpis?from=2026-11-23&to=2026-11-24", JsonNode.class);
    JsonNode onTimeDelivery =
        StreamSupport.stream(kpis.path("kpis").spliterator(), false)
            .filter(kpi -> kpi.path("key").asText().equals("onTimeDelivery"))
            .findFirst()
            .orElseThrow();
    assertThat(onTimeDelivery.path("denominator").asInt()).as("deliveries of the day").isOne();
    assertThat(onTimeDelivery.path("numerator").asInt()).as("on time").isOne();
  }

  @Test
  void theCleanupIsOneJobDueInTheNightlyWindow() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    LocalTime start = LocalTime.parse(configuration.getHistoryCleanupBatchWindowStartTime());
    LocalTime end = LocalTime.parse(configuration.getHistoryCleanupBatchWindowEndTime());
    assertThat(start).as("the window spans midnight").isAfter(end);
    // the engine scheduled it at start-up: one job, which one node's job executor at a time takes
    assertThat(historyService.findHistoryCleanupJobs()).hasSize(1);

    // Camunda reads the window's times in the JVM's zone, on the day the engine read its configuration: the same
    // day here, so that a change to or from summer time in between cannot shift it
    ZoneId zone = ZoneId.systemDefault();
    LocalDate day = configuration.getHistoryCleanupBatchWindowStartTimeAsDate().toInstant().atZone(zone).toLocalDate();
    Instant windowStart = day.atTime(start).atZone(zone).toInstant();
    for (LocalTime now : List.of(LocalTime.NOON, start.plusMinutes(90))) {
      ClockUtil.setCurrentTime(Date.from(day.atTime(now).atZone(zone).toInstant()));

      List<Job> jobs = rescheduledCleanup();

      assertThat(jobs).hasSize(1);
      Instant due = jobs.get(0).getDuedate().toInstant();
      assertThat(due).as("at %s, the start of the current or the next window", now).isEqualTo(windowStart);
      LocalTime dueTime = due.atZone(zone).toLocalTime();
      assertThat(!dueTime.isBefore(start) || dueTime.isBefore(end)).as("%s in the window", dueTime).isTrue();
    }
  }

  /** Runs the cleanup at the given moment, as the job executor would run the job when it is due. */
  private void cleanUpAt(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());
  }

  /** the cleanup job as the engine schedules it at start-up */
  private List<Job> rescheduledCleanup() {
    historyService.cleanUpHistoryAsync(false);
    return historyService.findHistoryCleanupJobs();
  }

  private JsonNode steps(String requestId) {
    return http.withBasicAuth("manager", "manager")
        .getForObject("/api/service-requests/" + requestId + "/record", JsonNode.class)
        .path("steps");
  }
}
