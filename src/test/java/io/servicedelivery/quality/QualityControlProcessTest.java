package io.servicedelivery.quality;

import static io.servicedelivery.delivery.ProcessConstants.Elements.QUALITY_FAILED;
import static io.servicedelivery.delivery.ProcessConstants.Elements.QUALITY_PASSED;
import static io.servicedelivery.delivery.ProcessConstants.Elements.REVIEW_QUALITY;
import static io.servicedelivery.delivery.ProcessConstants.Elements.RUN_AUTOMATED_CHECKS;
import static io.servicedelivery.delivery.ProcessConstants.ProcessKeys.CATALOG_CHANGE;
import static io.servicedelivery.delivery.ProcessConstants.ProcessKeys.QUALITY_CONTROL;
import static io.servicedelivery.delivery.ProcessConstants.ProcessKeys.RESOURCE_ALLOCATION;
import static io.servicedelivery.delivery.ProcessConstants.ProcessKeys.SERVICE_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.delivery.ProcessConstants.Variables;
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
          .excludeProcessDefinitionKeys(SERVICE_DELIVERY, RESOURCE_ALLOCATION, CATALOG_CHANGE)
          .build();
    }
  }

  private static final List<String> CHECKLIST =
      List.of("Licence available and assigned", "Software installed from the approved source");

  @Test
  void completeWorkPassesTheChecksAndTheReview() {
    ProcessInstance instance = requestQualityCheck(CHECKLIST, "DONE", 1.5);

    assertThat(instance).hasPassed(RUN_AUTOMATED_CHECKS).isWaitingAt(REVIEW_QUALITY);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.AUTOMATED_CHECKS_PASSED, true)
        .containsEntry(Variables.AUTOMATED_CHECK_FINDINGS, "All automated checks passed.");
    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(review).hasCandidateGroup("quality-assurance");
    assertThat(review.getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(8))));

    taskService.complete(review.getId(), Map.of(Variables.QUALITY_VERDICT, "PASSED"));

    assertThat(instance).hasPassed(QUALITY_PASSED).isEnded();
  }

  @Test
  void findingsOfTheChecksReachTheReviewerWhoseFailedVerdictEndsInQualityFailed() {
    ProcessInstance instance = requestQualityCheck(CHECKLIST.subList(0, 1), "DONE", 9);

    assertThat(instance)
        .variables()
        .containsEntry(Variables.AUTOMATED_CHECKS_PASSED, false)
        .containsEntry(
            Variables.AUTOMATED_CHECK_FINDINGS,
            "Checklist item not confirmed: Software installed from the approved source\n"
                + "The effort of 9 h is more than 3 times the standard effort of 1 h.");

    complete(
        "SR-200",
        REVIEW_QUALITY,
        Map.of(Variables.QUALITY_VERDICT, "FAILED", Variables.QUALITY_FINDINGS, "Installed from a download site"));

    assertThat(instance).hasPassed(QUALITY_FAILED).hasNotPassed(QUALITY_PASSED).isEnded();
  }

  private ProcessInstance requestQualityCheck(List<String> confirmed, String progressStatus, double effortHours) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.REQUEST_ID, "SR-200");
    variables.put(Variables.SERVICE_NAME, "Software installation");
    variables.put(Variables.TITLE, "Install the statistics package");
    variables.put(Variables.CHECKLIST_ITEMS, listOf(CHECKLIST));
    variables.put(Variables.CHECKLIST_CONFIRMED, listOf(confirmed));
    variables.put(Variables.PROGRESS_STATUS, progressStatus);
    variables.put(Variables.PROGRESS_REPORT, "Installed version 4.2 and checked the licence server connection");
    variables.put(Variables.EFFORT_HOURS, effortHours);
    variables.put(Variables.STANDARD_EFFORT_HOURS, 1.0);
    variables.put(Variables.RESOLUTION_DUE_AT, Date.from(T0.plus(Duration.ofHours(8))));
    return runtimeService.startProcessInstanceByKey(QUALITY_CONTROL, "SR-200", variables);
  }
}
