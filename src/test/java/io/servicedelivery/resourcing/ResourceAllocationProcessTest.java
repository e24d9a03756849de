package io.servicedelivery.resourcing;

import static io.servicedelivery.delivery.ProcessConstants.Elements.ALLOCATE_RESOURCE;
import static io.servicedelivery.delivery.ProcessConstants.Elements.REPLAN_RESOURCES;
import static io.servicedelivery.delivery.ProcessConstants.Elements.RESOURCE_ALLOCATED;
import static io.servicedelivery.delivery.ProcessConstants.ProcessKeys.CAPA;
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
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Every path of {@code bpmn/resource-allocation.bpmn}, started on its own as a caller would. */
@ProcessTest
class ResourceAllocationProcessTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    // primary: the coverage library also registers a default bean that would otherwise win
    @Bean
    @Primary
    ProcessEngineCoverageProperties resourceAllocationCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(SERVICE_DELIVERY, QUALITY_CONTROL, CATALOG_CHANGE, CAPA)
          .build();
    }
  }

  @Autowired ResourcePool resourcePool;

  @Test
  void reservesTheLeastLoadedQualifiedPerson() {
    resourcePool.allocate("SR-OTHER", "software", null); // staff1 (tie broken by user id) now holds one

    ProcessInstance instance = requestResources("SR-100", "software");

    assertThat(instance).hasPassed(ALLOCATE_RESOURCE, RESOURCE_ALLOCATED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(Variables.RESOURCE_ALLOCATED, true)
        .containsEntry(Variables.ALLOCATED_RESOURCE, "staff2")
        .containsEntry(
            Variables.ALLOCATION_NOTE, "Reserved staff2, the least loaded qualified person (1 of 2 assignments).");
    assertThat(resourcePool.openReservationOf("SR-100")).contains("staff2");
  }

  @Test
  void nobodyFreeGoesToTheResourceAnalystsWhoseProposalIsReserved() {
    resourcePool.setAvailable("staff1", false);
    resourcePool.allocate("SR-A", "software", null);
    resourcePool.allocate("SR-B", "software", null); // staff2 is full (capacity 2)

    ProcessInstance instance = requestResources("SR-101", "software");

    assertThat(instance).isWaitingAt(REPLAN_RESOURCES);
    Task replan = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(replan).hasCandidateGroup("resource-analysts");
    assertThat(replan.getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(1))));
    assertThat(instance)
        .variables()
        .containsEntry(Variables.RESOURCE_ALLOCATED, false)
        .containsEntry(
            Variables.ALLOCATION_NOTE,
            "Nobody with the skill 'software' is available with free capacity: "
                + "staff1 (not available), staff2 (2/2 busy).");

    resourcePool.setAvailable("staff1", true);
    taskService.complete(
        replan.getId(),
        Map.of(Variables.PREFERRED_RESOURCE, "staff1", Variables.REPLAN_NOTE, "staff1 moved the training"));

    assertThat(instance).hasPassed(RESOURCE_ALLOCATED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(Variables.ALLOCATED_RESOURCE, "staff1")
        .containsEntry(
            Variables.ALLOCATION_NOTE, "Reserved staff1 as proposed by the resource analyst (1 of 3 assignments).");
  }

  @Test
  void replanningAgainWhileStillNobodyFits() {
    ProcessInstance instance = requestResources("SR-102", "welding");

    assertThat(instance).isWaitingAt(REPLAN_RESOURCES);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.ALLOCATION_NOTE, "Nobody in the resource pool has the skill 'welding'.");

    complete("SR-102", REPLAN_RESOURCES, Map.of(Variables.REPLAN_NOTE, "Asked a contractor, not yet in the pool"));

    assertThat(instance).isWaitingAt(REPLAN_RESOURCES);
    assertThat(historyService().createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .activityId(ALLOCATE_RESOURCE)
            .count())
        .isEqualTo(2);
  }

  private ProcessInstance requestResources(String requestId, String skill) {
    return runtimeService.startProcessInstanceByKey(
        RESOURCE_ALLOCATION,
        requestId,
        Map.of(
            Variables.REQUEST_ID, requestId,
            Variables.REQUIRED_SKILL, skill,
            Variables.SERVICE_NAME, "Software installation",
            Variables.TITLE, "Install the statistics package",
            Variables.PRIORITY, "HIGH",
            Variables.RESPONSE_DUE_AT, Date.from(T0.plus(Duration.ofHours(1)))));
  }

  private org.camunda.bpm.engine.HistoryService historyService() {
    return processEngine.getHistoryService();
  }
}
