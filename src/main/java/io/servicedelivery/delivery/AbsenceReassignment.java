package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ProcessConstants.ProcessKeys.SERVICE_DELIVERY;
import static io.servicedelivery.delivery.ProcessConstants.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ProcessConstants.Variables.ALLOCATION_NOTE;

import io.servicedelivery.identity.Groups;
import io.servicedelivery.resourcing.AbsenceOverlapsReservations;
import io.servicedelivery.resourcing.Allocation;
import io.servicedelivery.resourcing.ResourceEscalations;
import io.servicedelivery.resourcing.ResourcePool;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a person becomes absent while requests are reserved for them, each request goes to the best fitting person
 * of the pool: the reservation moves, and so does the open "Execute service activities" task. When nobody fits, the
 * task is unassigned and offered to the resource analysts, and the shortage is recorded as an escalation.
 */
@Component
class AbsenceReassignment {

  private static final Logger log = LoggerFactory.getLogger(AbsenceReassignment.class);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ResourcePool resourcePool;
  private final ResourceEscalations escalations;
  private final Clock clock;

  AbsenceReassignment(
      RuntimeService runtimeService,
      TaskService taskService,
      ResourcePool resourcePool,
      ResourceEscalations escalations,
      Clock clock) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.resourcePool = resourcePool;
    this.escalations = escalations;
    this.clock = clock;
  }

  @EventListener
  void reassign(AbsenceOverlapsReservations absence) {
    absence.requestIds().forEach(requestId -> reassign(requestId, absence.userId()));
  }

  private void reassign(String requestId, String absentUserId) {
    ProcessInstance delivery =
        runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(SERVICE_DELIVERY)
            .processInstanceBusinessKey(requestId)
            .singleResult();
    if (delivery == null) {
      log.warn("{} is absent while reserved for {}, which has no running delivery", absentUserId, requestId);
      return;
    }
    ProcessData data = ProcessData.of(runtimeService.getVariables(delivery.getId()));
    Allocation allocation = resourcePool.reassign(AllocationVariables.request(data, clock.instant()));
    runtimeService.setVariable(delivery.getId(), ALLOCATED_RESOURCE, allocation.userId());
    runtimeService.setVariable(delivery.getId(), ALLOCATION_NOTE, allocation.note());
    for (Task task : executionTasksOf(requestId, absentUserId)) {
      taskService.setAssignee(task.getId(), allocation.userId());
      if (!allocation.allocated()) {
        taskService.addCandidateGroup(task.getId(), Groups.RESOURCE_ANALYSTS);
      }
    }
    if (!allocation.allocated()) {
      escalations.record(
          requestId, absentUserId + " is absent and nobody else fits, the task waits for the resource analysts. "
              + allocation.note());
    }
  }

  private List<Task> executionTasksOf(String requestId, String userId) {
    return taskService.createTaskQuery()
        .processInstanceBusinessKey(requestId)
        .taskDefinitionKey(EXECUTE_SERVICE_ACTIVITIES)
        .taskAssignee(userId)
        .list();
  }
}
