package io.servicedelivery.resourcing;

import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.ALLOCATE_RESOURCE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.CHOSEN_RESOURCE_RESERVED;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.ESCALATE_LATE_REPLANNING;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.ESCALATE_RESOURCE_SHORTAGE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.POSTPONEMENT_OVER;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.REPLANNING_ESCALATED;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.REPLANNING_OVERDUE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.REPLAN_RESOURCES;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.RESERVE_CHOSEN_RESOURCE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.RESOLVE_RESOURCE_SHORTAGE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.RESOURCE_ALLOCATED;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.REVIEW_RESOURCE_SHORTAGE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Values.REPLAN_ASSIGN;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Values.REPLAN_ESCALATE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Values.REPLAN_POSTPONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ResourceAllocationProcess.Variables;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
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
          .excludeProcessDefinitionKeys(ServiceDeliveryProcess.KEY, QualityControlProcess.KEY, CatalogChangeProcess.KEY, CapaProcess.KEY, NotificationProcess.KEY)
          .build();
    }
  }

  private static final String NOBODY_FREE =
      "Nobody with the skill 'software' is available with free capacity: Noor Network (2/2 busy), Sam Field (not available).";

  @Autowired ResourcePool resourcePool;
  @Autowired ResourceEscalations escalations;

  @AfterEach
  void removeWelders() {
    jdbc.sql("delete from staff_skill where skill = 'welding'").update();
  }

  @Test
  void reservesTheLeastLoadedQualifiedPerson() {
    resourcePool.allocate(new AllocationRequest("SR-OTHER", "software", 1, T0, null)); // staff1, the higher level

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
  void nobodyFreeGoesToTheResourceAnalystsWhoseChosenPersonIsReservedOnlyWhenTheyFit() {
    staff2FullAndStaff1Away();

    ProcessInstance instance = requestResources("SR-101", "software");

    assertThat(instance).isWaitingAt(REPLAN_RESOURCES);
    Task replan = task("SR-101", REPLAN_RESOURCES);
    assertThat(replan).hasCandidateGroup("resource-analysts");
    assertThat(replan.getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(1))));
    assertThat(instance)
        .variables()
        .containsEntry(Variables.RESOURCE_ALLOCATED, false)
        .containsEntry(Variables.ALLOCATION_NOTE, NOBODY_FREE);

    // the analyst chooses from the people with the skill, by name, never types a user id
    assertThat(runtimeService.getVariable(instance.getId(), Variables.SKILLED_STAFF))
        .isEqualTo(
            List.of(
                Map.of("label", "Noor Network", "value", "staff2"),
                Map.of("label", "Sam Field", "value", "staff1")));
    assertThatThrownBy(
            () -> replan(
                "SR-101", Map.of(Variables.REPLAN_DECISION, REPLAN_ASSIGN, Variables.PREFERRED_RESOURCE, "qa")))
        .hasMessageContaining("preferredResource: must be one of the people of the resource pool with the skill "
            + "software, not qa");
    assertThat(instance).isWaitingAt(REPLAN_RESOURCES).hasNotPassed(RESERVE_CHOSEN_RESOURCE);

    replan("SR-101", Map.of(Variables.REPLAN_DECISION, REPLAN_ASSIGN, Variables.PREFERRED_RESOURCE, "staff2"));

    assertThat(instance).hasPassed(RESERVE_CHOSEN_RESOURCE).isWaitingAt(REPLAN_RESOURCES);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.ALLOCATION_NOTE, "The chosen Noor Network cannot take the request: 2/2 busy.");

    resourcePool.setAvailable("staff1", true);
    replan("SR-101", Map.of(Variables.REPLAN_DECISION, REPLAN_ASSIGN, Variables.PREFERRED_RESOURCE, "staff1"));

    assertThat(instance).hasPassed(CHOSEN_RESOURCE_RESERVED).isEnded();
    assertThat(instance)
        .variables()
        .containsEntry(Variables.ALLOCATED_RESOURCE, "staff1")
        .containsEntry(
            Variables.ALLOCATION_NOTE, "Reserved staff1 as chosen by the resource analyst (1 of 3 assignments).");
  }

  @Test
  void aPostponedAllocationIsTriedAgainOnTheDateTheAnalystGave() {
    ProcessInstance instance = requestResources("SR-102", "welding");

    assertThat(instance)
        .variables()
        .containsEntry(Variables.ALLOCATION_NOTE, "Nobody in the resource pool has the skill 'welding'.");
    Date tomorrow = Date.from(T0.plus(Duration.ofDays(1)));
    replan("SR-102", Map.of(Variables.REPLAN_DECISION, REPLAN_POSTPONE, Variables.POSTPONE_UNTIL, tomorrow));

    assertThat(instance).isWaitingAt(POSTPONEMENT_OVER);
    Job postponement = timer(instance.getId(), POSTPONEMENT_OVER);
    assertThat(postponement.getDuedate()).isEqualTo(tomorrow);

    managementService.executeJob(postponement.getId());

    assertThat(instance).isWaitingAt(REPLAN_RESOURCES);
    replan("SR-102", Map.of(Variables.REPLAN_DECISION, REPLAN_POSTPONE, Variables.POSTPONE_UNTIL, tomorrow));
    jdbc.sql("insert into staff_skill (user_id, skill, skill_level) values ('staff2', 'welding', 2)").update();
    managementService.executeJob(timer(instance.getId(), POSTPONEMENT_OVER).getId());

    assertThat(instance).hasPassed(RESOURCE_ALLOCATED).isEnded();
    assertThat(instance).variables().containsEntry(Variables.ALLOCATED_RESOURCE, "staff2");
  }

  @Test
  void anEscalatedShortageIsRecordedAndResolvedByTheOperationsManagersBeforeAllocatingAgain() {
    staff2FullAndStaff1Away();
    ProcessInstance instance = requestResources("SR-103", "software");

    replan("SR-103", Map.of(Variables.REPLAN_DECISION, REPLAN_ESCALATE, Variables.REPLAN_NOTE, "Both are booked"));

    assertThat(instance).hasPassed(ESCALATE_RESOURCE_SHORTAGE).isWaitingAt(RESOLVE_RESOURCE_SHORTAGE);
    assertThat(task("SR-103", RESOLVE_RESOURCE_SHORTAGE)).hasCandidateGroup("operations-managers");
    assertThat(escalations.of("SR-103"))
        .singleElement()
        .satisfies(escalation -> {
          assertThat(escalation.reason()).isEqualTo("The resource analyst escalated: Both are booked");
          assertThat(escalation.escalatedAt()).isEqualTo(T0);
        });

    resourcePool.setAvailable("staff1", true);
    complete("SR-103", RESOLVE_RESOURCE_SHORTAGE,
        Map.of(Variables.SHORTAGE_RESOLUTION, "staff1 moved the training"));

    assertThat(instance).hasPassed(RESOURCE_ALLOCATED).isEnded();
    assertThat(instance).variables().containsEntry(Variables.ALLOCATED_RESOURCE, "staff1");
  }

  @Test
  void rePlanningThatTakesLongerThanConfiguredIsEscalatedWhileTheAnalystsKeepTheTask() {
    staff2FullAndStaff1Away();
    ProcessInstance instance = requestResources("SR-104", "software");

    Job overdue = timer(instance.getId(), REPLANNING_OVERDUE);
    assertThat(overdue.getDuedate()).as("servicedelivery.resourcing.replan-escalation-after")
        .isEqualTo(Date.from(T0.plus(Duration.ofHours(4))));
    setClock(T0.plus(Duration.ofHours(4)));
    managementService.executeJob(overdue.getId());

    assertThat(instance)
        .hasPassed(ESCALATE_LATE_REPLANNING)
        .isWaitingAt(REPLAN_RESOURCES, REVIEW_RESOURCE_SHORTAGE);
    assertThat(task("SR-104", REVIEW_RESOURCE_SHORTAGE)).hasCandidateGroup("operations-managers");
    assertThat(escalations.of("SR-104"))
        .singleElement()
        .satisfies(escalation -> {
          assertThat(escalation.reason()).isEqualTo("Re-planning took longer than PT4H. " + NOBODY_FREE);
          assertThat(escalation.escalatedAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        });

    complete("SR-104", REVIEW_RESOURCE_SHORTAGE, Map.of(Variables.SHORTAGE_RESOLUTION, "Asked for a contractor"));

    assertThat(instance).hasPassed(REPLANNING_ESCALATED).isWaitingAt(REPLAN_RESOURCES);
  }

  private void staff2FullAndStaff1Away() {
    resourcePool.setAvailable("staff1", false);
    resourcePool.allocate(new AllocationRequest("SR-A", "software", 1, T0, null));
    resourcePool.allocate(new AllocationRequest("SR-B", "software", 1, T0, null));
  }

  private void replan(String requestId, Map<String, Object> decision) {
    Map<String, Object> variables = new HashMap<>(decision);
    variables.putIfAbsent(Variables.REPLAN_NOTE, "re-planned");
    complete(requestId, REPLAN_RESOURCES, variables);
  }

  private ProcessInstance requestResources(String requestId, String skill) {
    return runtimeService.startProcessInstanceByKey(
        ResourceAllocationProcess.KEY,
        requestId,
        Map.of(
            Variables.REQUEST_ID, requestId,
            Variables.REQUIRED_SKILL, skill,
            ServiceDeliveryProcess.Variables.SERVICE_NAME, "Software installation",
            ServiceDeliveryProcess.Variables.TITLE, "Install the statistics package",
            ServiceDeliveryProcess.Variables.PRIORITY, "HIGH",
            ServiceDeliveryProcess.Variables.RESPONSE_DUE_AT, Date.from(T0.plus(Duration.ofHours(1)))));
  }
}
