package io.servicedelivery.metrics;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.HANDLE_SLA_BREACH;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.MONITOR_PROGRESS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.REGISTER_REWORK;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SEND_SLA_WARNING;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_BREACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_1_REACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_2_REACHED;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.quality.QualityControlProcess.Variables;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The process map's numbers from real requests: a laptop and two VPN requests planned after 30, 60 and 60 minutes; one
 * VPN executed in an hour, failed in the quality review and back in execution (a rework), the other breaching its SLA
 * in execution. And two requests closed, one after a customer's answer and two SLA warnings, one after a rework: the
 * map counts the reworks the records count.
 */
@ProcessTest
class ProcessMapStatisticsTest extends AbstractProcessTest {

  /** an engine of its own, so that no other test class's history counts */
  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties processMapCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .excludeProcessDefinitionKeys(
              ServiceDeliveryProcess.KEY, ResourceAllocationProcess.KEY, QualityControlProcess.KEY, CatalogChangeProcess.KEY, CapaProcess.KEY, NotificationProcess.KEY)
          .build();
    }
  }

  private static final Instant DAY_BEFORE = T0.minus(Duration.ofDays(1));
  private static final Instant DAY_AFTER = T0.plus(Duration.ofDays(1));
  private static final long MINUTE = 60_000;

  @Autowired ProcessMapStatistics statistics;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;

  @BeforeEach
  void forgetEarlierRequests() {
    List<String> finished =
        historyService.createHistoricProcessInstanceQuery().list().stream().map(HistoricProcessInstance::getId).toList();
    if (!finished.isEmpty()) {
      historyService.deleteHistoricProcessInstancesIfExists(finished);
    }
  }

  @Test
  void durationsWaitingRequestsBreachesAndReworksPerActivity() {
    String first = submit(laptopReplacement());
    String reworked = submit(vpnRequest());
    String breached = submit(vpnRequest());
    setClock(T0.plus(Duration.ofMinutes(30)));
    plan(first);
    setClock(T0.plus(Duration.ofMinutes(60)));
    plan(breached);
    plan(reworked);
    setClock(T0.plus(Duration.ofHours(2)));
    reportDone(reworked);
    complete(reworked, REVIEW_QUALITY, Map.of(
        Variables.QUALITY_VERDICT, "FAILED",
        Variables.QUALITY_FINDINGS, "The data owner's approval is not documented",
        Variables.FINDING_SEVERITY, "MINOR"));
    Instant breachDue = T0.plus(catalog.get("NETWORK_ACCESS").slaFor(io.servicedelivery.sla.Priority.HIGH)
        .orElseThrow().resolution());
    setClock(breachDue);
    managementService.executeJob(timer(processInstanceOf(breached), SLA_BREACHED).getId());

    Map<String, ActivityStatistics> today = byActivity(statistics.activities(DAY_BEFORE, DAY_AFTER));

    assertThat(today.get(PLAN_DELIVERY))
        .isEqualTo(new ActivityStatistics(PLAN_DELIVERY, 3, 50 * MINUTE, 60 * MINUTE, 0, 0, 0, 0));
    // executed once in the period, the reworked request back there: a repeated pass, not a rework of its own
    assertThat(today.get(EXECUTE_SERVICE_ACTIVITIES))
        .isEqualTo(new ActivityStatistics(EXECUTE_SERVICE_ACTIVITIES, 1, 60 * MINUTE, 60 * MINUTE, 3, 1, 0, 1));
    assertThat(today.get(MONITOR_PROGRESS).repeatedPasses()).isZero();
    assertThat(today.get(REGISTER_REWORK))
        .extracting(ActivityStatistics::finished, ActivityStatistics::reworks, ActivityStatistics::repeatedPasses)
        .containsExactly(1L, 1L, 0L);
    assertThat(today.get(HANDLE_SLA_BREACH))
        .isEqualTo(new ActivityStatistics(HANDLE_SLA_BREACH, 0, null, null, 1, 0, 0, 0));
    assertThat(today.values()).filteredOn(activity -> activity.slaBreaches() > 0)
        .extracting(ActivityStatistics::activityId).containsExactly(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(today.values()).filteredOn(activity -> activity.reworks() > 0)
        .extracting(ActivityStatistics::activityId).containsExactly(REGISTER_REWORK);
    assertThat(today.values()).filteredOn(activity -> activity.repeatedPasses() > 0)
        .extracting(ActivityStatistics::activityId).containsExactly(EXECUTE_SERVICE_ACTIVITIES);

    // the next day: nothing finished, breached or reworked then, but the requests still wait
    Map<String, ActivityStatistics> tomorrow =
        byActivity(statistics.activities(DAY_AFTER, DAY_AFTER.plus(Duration.ofDays(1))));
    assertThat(tomorrow.get(EXECUTE_SERVICE_ACTIVITIES))
        .isEqualTo(new ActivityStatistics(EXECUTE_SERVICE_ACTIVITIES, 0, null, null, 3, 0, 0, 0));
    assertThat(tomorrow).doesNotContainKey(PLAN_DELIVERY);

    assertThat(statistics.waitingAt(EXECUTE_SERVICE_ACTIVITIES))
        .extracting(
            WaitingRequest::requestId,
            WaitingRequest::title,
            WaitingRequest::serviceCode,
            WaitingRequest::serviceName,
            WaitingRequest::since,
            WaitingRequest::assignee,
            WaitingRequest::slaState)
        .containsExactly(
            tuple(first, "Replacement laptop for the reception", "LAPTOP_PROVISIONING", "Laptop provisioning",
                T0.plus(Duration.ofMinutes(30)), assigneeOf(first), "ON_TRACK"),
            tuple(breached, "VPN for a new colleague", "NETWORK_ACCESS", "Network access",
                T0.plus(Duration.ofMinutes(60)), assigneeOf(breached), "BREACHED"),
            tuple(reworked, "VPN for a new colleague", "NETWORK_ACCESS", "Network access",
                T0.plus(Duration.ofHours(2)), assigneeOf(reworked), "ON_TRACK"));
    assertThat(statistics.waitingAt(HANDLE_SLA_BREACH)).extracting(WaitingRequest::requestId, WaitingRequest::assignee)
        .containsExactly(tuple(breached, null));
    assertThat(statistics.waitingAt(PLAN_DELIVERY)).isEmpty();
  }

  /**
   * The map counts a rework where the record does: the customer's answer and a second SLA warning bring a request back
   * to execution and to <i>Send SLA warning</i> without any rework; a failed review is one.
   */
  @Test
  void theMapCountsTheReworksTheRecordsCount() {
    String answered = submit(vpnRequest());
    String reworked = submit(vpnRequest());
    setClock(T0.plus(Duration.ofMinutes(30)));
    plan(answered);
    plan(reworked);

    setClock(T0.plus(Duration.ofHours(1)));
    askCustomer(answered);
    setClock(T0.plus(Duration.ofHours(2)));
    runtimeService.createMessageCorrelation(Messages.CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceId(processInstanceOf(answered))
        .setVariable(ServiceDeliveryProcess.Variables.CUSTOMER_RESPONSE, "The company laptop")
        .correlateWithResult();
    fireWarning(answered, SLA_WARNING_1_REACHED);
    fireWarning(answered, SLA_WARNING_2_REACHED);
    reportDone(answered);
    complete(answered, REVIEW_QUALITY, Map.of(Variables.QUALITY_VERDICT, "PASSED"));

    reportDone(reworked);
    complete(reworked, REVIEW_QUALITY, Map.of(
        Variables.QUALITY_VERDICT, "FAILED",
        Variables.QUALITY_FINDINGS, "The data owner's approval is not documented",
        Variables.FINDING_SEVERITY, "MINOR"));
    reportDone(reworked);
    complete(reworked, REVIEW_QUALITY, Map.of(Variables.QUALITY_VERDICT, "PASSED"));
    confirmDelivery(answered);
    confirmDelivery(reworked);
    executeAsyncJobs();

    assertThat(List.of(answered, reworked)).allSatisfy(requestId ->
        assertThat(records.get(requestId).outcome()).as(requestId).isEqualTo(RequestOutcome.CLOSED));
    assertThat(records.get(answered).reworkCount()).isZero();
    assertThat(records.get(reworked).reworkCount()).isOne();

    Map<String, ActivityStatistics> map = byActivity(statistics.activities(DAY_BEFORE, DAY_AFTER));
    long recordedReworks = records.get(answered).reworkCount() + records.get(reworked).reworkCount();
    assertThat(map.values().stream().mapToLong(ActivityStatistics::reworks).sum()).isEqualTo(recordedReworks);
    assertThat(map.get(REGISTER_REWORK).reworks()).isEqualTo(recordedReworks);
    // executed again after the answer and after the rework, the second warning sent: repeated, but no rework
    assertThat(map.get(EXECUTE_SERVICE_ACTIVITIES))
        .extracting(ActivityStatistics::reworks, ActivityStatistics::repeatedPasses)
        .containsExactly(0L, 2L);
    assertThat(map.get(SEND_SLA_WARNING))
        .extracting(ActivityStatistics::reworks, ActivityStatistics::repeatedPasses)
        .containsExactly(0L, 1L);
  }

  @Test
  void theDiagramIsTheLatestServiceDeliveryProcess() {
    assertThat(statistics.diagram())
        .contains("<bpmn:process id=\"service-delivery\"")
        .contains("id=\"" + EXECUTE_SERVICE_ACTIVITIES + "\"")
        .contains("<bpmndi:BPMNDiagram");
  }

  /** staff2, the one network person, can take two requests at a time; the laptop goes to staff1 */
  private static Map<String, Object> laptopReplacement() {
    Map<String, Object> request = vpnRequest();
    request.put(ServiceDeliveryProcess.Variables.SERVICE_CODE, "LAPTOP_PROVISIONING");
    request.put(ServiceDeliveryProcess.Variables.REQUEST_TYPE, "REPLACEMENT");
    request.put(ServiceDeliveryProcess.Variables.TITLE, "Replacement laptop for the reception");
    return request;
  }

  private String submit(Map<String, Object> request) {
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY).latestVersion()
            .singleResult().getId();
    ProcessInstance instance = formService.submitStartForm(definitionId, request);
    executeAsyncJobs();
    return instance.getBusinessKey();
  }

  private void plan(String requestId) {
    complete(requestId, PLAN_DELIVERY, Map.of(
        ResourceAllocationProcess.Variables.PLANNED_START, "2026-11-23T10:00+01:00",
        ResourceAllocationProcess.Variables.PLANNED_COMPLETION, "2026-11-23T14:00+01:00",
        ServiceDeliveryProcess.Variables.DELIVERY_INSTRUCTIONS, "Use the standard VPN profile for remote staff"));
  }

  private void reportDone(String requestId) {
    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, Map.of(
        Variables.CHECKLIST_CONFIRMED, listOf(catalog.get("NETWORK_ACCESS").checklist()),
        Variables.PROGRESS_STATUS, "DONE",
        Variables.PROGRESS_REPORT, "VPN profile deployed and tested with the user",
        Variables.EFFORT_HOURS, 1.0));
  }

  private void askCustomer(String requestId) {
    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, Map.of(
        Variables.CHECKLIST_CONFIRMED, listOf(List.of()),
        Variables.PROGRESS_STATUS, "WAITING_FOR_CUSTOMER",
        Variables.PROGRESS_REPORT, "Prepared the VPN profile",
        ServiceDeliveryProcess.Variables.CUSTOMER_QUESTION, "Which device will your colleague use?",
        Variables.EFFORT_HOURS, 0.5));
    executeAsyncJobs();
  }

  /** Fires the SLA warning timer of the request at its due time. */
  private void fireWarning(String requestId, String warningId) {
    Job warning = timer(processInstanceOf(requestId), warningId);
    setClock(warning.getDuedate().toInstant());
    managementService.executeJob(warning.getId());
    executeAsyncJobs();
  }

  private String processInstanceOf(String requestId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
        .processDefinitionKey(ServiceDeliveryProcess.KEY).singleResult().getId();
  }

  private String assigneeOf(String requestId) {
    String assignee = task(requestId, EXECUTE_SERVICE_ACTIVITIES).getAssignee();
    assertThat(assignee).as("assignee of %s", requestId).isNotNull();
    return assignee;
  }

  private static Map<String, ActivityStatistics> byActivity(List<ActivityStatistics> activities) {
    return activities.stream().collect(Collectors.toMap(ActivityStatistics::activityId, Function.identity()));
  }
}
