package io.servicedelivery.quality;

import static io.servicedelivery.quality.CapaProcess.Elements.ANALYSE_ROOT_CAUSE;
import static io.servicedelivery.quality.QualityControlProcess.Elements.QUALITY_FAILED;
import static io.servicedelivery.quality.QualityControlProcess.Elements.QUALITY_FAILED_WITH_CAPA;
import static io.servicedelivery.quality.QualityControlProcess.Elements.QUALITY_PASSED;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REQUEST_CAPA;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static io.servicedelivery.quality.QualityControlProcess.Elements.RUN_AUTOMATED_CHECKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.QualityControlProcess.Variables;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Every path of {@code bpmn/quality-control.bpmn}, started on its own as a caller would. */
@ProcessTest
class QualityControlProcessTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    // primary: the coverage library also registers a default bean that would otherwise win
    @Bean
    @Primary
    ProcessEngineCoverageProperties qualityControlCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(ServiceDeliveryProcess.KEY, ResourceAllocationProcess.KEY, CatalogChangeProcess.KEY, CapaProcess.KEY, NotificationProcess.KEY)
          .build();
    }
  }

  private static final String REQUEST = "SR-200";
  private static final List<String> CHECKLIST =
      List.of("Licence available and assigned", "Software installed from the approved source");

  @Autowired private Capas capas;

  @Test
  void completeWorkPassesTheChecksAndTheReview() {
    ProcessInstance instance = requestQualityCheck(CHECKLIST, 1.5);

    assertThat(instance).hasPassed(RUN_AUTOMATED_CHECKS).isWaitingAt(REVIEW_QUALITY);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.REVIEW_ROUND, 1)
        .containsEntry(Variables.AUTOMATED_CHECKS_PASSED, true)
        .containsEntry(Variables.PREVIOUS_FINDINGS, "")
        .containsEntry(
            Variables.AUTOMATED_CHECK_FINDINGS,
            """
            PASS Checklist: All 2 items confirmed
            PASS Work done: Reported as done
            PASS Work report: Report present
            PASS Effort: Within the tolerance: 1.5 h against the standard of 1 h ± 50 %""");
    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(review).hasCandidateGroup("quality-assurance");
    assertThat(review.getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(8))));

    taskService.complete(review.getId(), Map.of(Variables.QUALITY_VERDICT, "PASSED"));

    assertThat(instance).hasPassed(QUALITY_PASSED).isEnded();
    assertThat(jdbc.sql("select verdict from quality_review where request_id = ?").param(REQUEST).query(String.class).single())
        .isEqualTo("PASSED");
    assertThat(jdbc.sql("select count(*) from quality_check_result where request_id = ?").param(REQUEST)
            .query(Integer.class).single())
        .isEqualTo(4);
  }

  @Test
  void aMinorFailureGoesBackForReworkWithoutACapa() {
    ProcessInstance instance = requestQualityCheck(CHECKLIST.subList(0, 1), 9);

    assertThat(instance)
        .variables()
        .containsEntry(Variables.AUTOMATED_CHECKS_PASSED, false)
        .containsEntry(
            Variables.AUTOMATED_CHECK_FINDINGS,
            """
            FAIL Checklist: Mandatory items not confirmed: Software installed from the approved source
            PASS Work done: Reported as done
            PASS Work report: Report present
            WARN Effort: Above the tolerance: 9 h against the standard of 1 h ± 50 %""");

    fail("Installed from a download site\nNo licence assigned", "MINOR");

    assertThat(instance).hasPassed(QUALITY_FAILED).hasNotPassed(QUALITY_PASSED, REQUEST_CAPA).isEnded();
    assertThat(jdbc.sql("select description from quality_finding where request_id = ? order by id").param(REQUEST)
            .query(String.class).list())
        .containsExactly("Installed from a download site", "No licence assigned");
    assertThat(capas.ofRequest(REQUEST)).isEmpty();
  }

  @Test
  void aMajorFindingRequestsACapaThatLinksTheRequest() {
    ProcessInstance instance = requestQualityCheck(CHECKLIST, 1);

    fail("Licence of another customer used", "MAJOR");

    assertThat(instance).hasPassed(REQUEST_CAPA, QUALITY_FAILED_WITH_CAPA).isEnded();
    String capaId = (String) historicVariable(instance, CapaProcess.Variables.CAPA_ID);
    assertThat(capas.ofRequest(REQUEST)).containsExactly(capaId);
    ProcessInstance capa =
        runtimeService.createProcessInstanceQuery().processDefinitionKey(CapaProcess.KEY).processInstanceBusinessKey(capaId)
            .singleResult();
    assertThat(capa).isWaitingAt(ANALYSE_ROOT_CAUSE);
    assertThat(capa)
        .variables()
        .containsEntry(CapaProcess.Variables.CAPA_PROBLEM, "Licence of another customer used")
        .containsEntry(CapaProcess.Variables.CAPA_REQUESTS, REQUEST + ", round 1: MAJOR_FINDING");
  }

  @Test
  void theSecondFailedReviewOfARequestRequestsACapaAndShowsTheEarlierFindings() {
    requestQualityCheck(CHECKLIST, 1);
    fail("Not tested with the user", "MINOR");

    ProcessInstance second = requestQualityCheck(CHECKLIST, 1);
    assertThat(second)
        .variables()
        .containsEntry(Variables.REVIEW_ROUND, 2)
        .containsEntry(Variables.PREVIOUS_FINDINGS, "Round 1, Minor: Not tested with the user");
    fail("Still not tested with the user", "MINOR");

    assertThat(second).hasPassed(REQUEST_CAPA).isEnded();
    assertThat(jdbc.sql("select trigger_type from capa_request where request_id = ?").param(REQUEST)
            .query(String.class).list())
        .containsExactly("REPEATED_FAILURE");
  }

  @Test
  void aFailureWhileACapaIsOpenForTheServiceIsLinkedToItInsteadOfOpeningAnother() {
    requestQualityCheck(CHECKLIST, 1);
    fail("Licence of another customer used", "CRITICAL");
    String open = capas.ofRequest(REQUEST).get(0);

    ProcessInstance other = requestQualityCheck("SR-201", CHECKLIST, 1);
    complete("SR-201", REVIEW_QUALITY, failed("Wrong version installed", "MAJOR"));

    assertThat(other).hasPassed(REQUEST_CAPA).isEnded();
    assertThat(capas.ofRequest("SR-201")).containsExactly(open);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CapaProcess.KEY).count()).isEqualTo(1);
  }

  @Test
  void aFailedVerdictWithoutFindingsIsRefusedAndTheReviewStaysOpen() {
    ProcessInstance instance = requestQualityCheck(CHECKLIST, 1);

    assertThatThrownBy(() -> complete(REQUEST, REVIEW_QUALITY, Map.of(Variables.QUALITY_VERDICT, "FAILED")))
        .hasRootCauseInstanceOf(InvalidVerdictException.class)
        .hasMessageContaining("A failed quality review needs at least one finding");

    assertThat(instance).isWaitingAt(REVIEW_QUALITY);
    assertThat(jdbc.sql("select count(*) from quality_review where request_id = ? and verdict is not null")
            .param(REQUEST).query(Integer.class).single())
        .isZero();
  }

  @Test
  void theReviewShowsTheDueTimeInTheZoneOfTheRequestsCalendarThePriorityByLabelAndWhoDeliveredByName() {
    Map<String, Object> request = new HashMap<>();
    request.put(Variables.PRIORITY, "MEDIUM");
    request.put(Variables.ALLOCATED_RESOURCE, "staff2");
    request.put(Variables.RESOLUTION_CALENDAR, "OFFICE_NEW_YORK");
    ProcessInstance instance = requestQualityCheck(REQUEST, CHECKLIST, 1, request);

    assertThat(instance).isWaitingAt(REVIEW_QUALITY);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.PRIORITY_LABEL, "Medium")
        .containsEntry(Variables.RESOLUTION_DUE_TEXT, "Mon 23 Nov 2026, 11:00 EST")
        .containsEntry(Variables.ALLOCATED_RESOURCE_NAME, "Noor Network");
  }

  @Test
  void aRequestCountingAroundTheClockShowsItsDueTimeInUtc() {
    ProcessInstance instance =
        requestQualityCheck(REQUEST, CHECKLIST, 1, Map.of(Variables.RESOLUTION_CALENDAR, "24X7"));

    assertThat(instance).variables().containsEntry(Variables.RESOLUTION_DUE_TEXT, "Mon 23 Nov 2026, 16:00 UTC");
  }

  private void fail(String findings, String severity) {
    complete(REQUEST, REVIEW_QUALITY, failed(findings, severity));
  }

  private static Map<String, Object> failed(String findings, String severity) {
    return Map.of(
        Variables.QUALITY_VERDICT, "FAILED", Variables.QUALITY_FINDINGS, findings, Variables.FINDING_SEVERITY, severity);
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  private ProcessInstance requestQualityCheck(List<String> confirmed, double effortHours) {
    return requestQualityCheck(REQUEST, confirmed, effortHours);
  }

  private ProcessInstance requestQualityCheck(String requestId, List<String> confirmed, double effortHours) {
    return requestQualityCheck(requestId, confirmed, effortHours, Map.of());
  }

  private ProcessInstance requestQualityCheck(
      String requestId, List<String> confirmed, double effortHours, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(more);
    variables.put(Variables.REQUEST_ID, requestId);
    variables.put(Variables.SERVICE_CODE, "SOFTWARE_INSTALLATION");
    variables.put(ServiceDeliveryProcess.Variables.SERVICE_NAME, "Software installation");
    variables.put(ServiceDeliveryProcess.Variables.TITLE, "Install the statistics package");
    variables.put(Variables.CHECKLIST_ITEMS, listOf(CHECKLIST));
    variables.put(Variables.OPTIONAL_CHECKLIST_ITEMS, listOf(List.of()));
    variables.put(Variables.CHECKLIST_CONFIRMED, listOf(confirmed));
    variables.put(Variables.PROGRESS_STATUS, "DONE");
    variables.put(Variables.PROGRESS_REPORT, "Installed version 4.2 and checked the licence server connection");
    variables.put(Variables.EFFORT_HOURS, effortHours);
    variables.put(Variables.STANDARD_EFFORT_HOURS, 1.0);
    variables.put(Variables.EFFORT_TOLERANCE_PERCENT, 50);
    variables.put(ServiceDeliveryProcess.Variables.RESOLUTION_DUE_AT, Date.from(T0.plus(Duration.ofHours(8))));
    return runtimeService.startProcessInstanceByKey(QualityControlProcess.KEY, requestId, variables);
  }
}
