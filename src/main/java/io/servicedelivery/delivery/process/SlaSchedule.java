package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.RESPONSE_TIME_PASSED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_BREACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_1_REACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_2_REACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_3_REACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.TAKE_CORRECTIVE_ACTION;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's side of an SLA change: the timer jobs of the SLA boundary events and the due dates of the open
 * tasks. Timers are recalculated from their expressions ({@code managementService.recalculateJobDuedate}), so the
 * process variables must hold the new due dates first.
 */
@Component
public class SlaSchedule {

  /** the timers that count the resolution time: they stand still while the request waits for the customer */
  public static final List<String> RESOLUTION_TIMERS =
      List.of(SLA_WARNING_1_REACHED, SLA_WARNING_2_REACHED, SLA_WARNING_3_REACHED, SLA_BREACHED);

  private final ManagementService managementService;
  private final TaskService taskService;

  SlaSchedule(ManagementService managementService, TaskService taskService) {
    this.managementService = managementService;
    this.taskService = taskService;
  }

  /**
   * Holds the resolution timers for the longest the request may wait for the customer: they cannot fire while it
   * waits, and on resume they are recalculated. (Suspending the jobs instead would be a bulk update, which collides
   * with the recalculation in the same transaction.)
   */
  public void holdResolutionTimers(String processInstanceId, Duration longestPause) {
    for (Job job : timers(processInstanceId, RESOLUTION_TIMERS)) {
      managementService.setJobDuedate(job.getId(), Date.from(job.getDuedate().toInstant().plus(longestPause)));
    }
  }

  /** Moves the resolution timers to the due dates the variables now hold. */
  public void resumeResolutionTimers(String processInstanceId) {
    timers(processInstanceId, RESOLUTION_TIMERS)
        .forEach(job -> managementService.recalculateJobDuedate(job.getId(), false));
  }

  /** Moves every SLA timer and the due date of every open task of the request to the due dates it now has. */
  public void recalculate(String requestId, String processInstanceId, Instant responseDueAt, Instant resolutionDueAt) {
    timers(processInstanceId, RESOLUTION_TIMERS)
        .forEach(job -> managementService.recalculateJobDuedate(job.getId(), false));
    timers(processInstanceId, List.of(RESPONSE_TIME_PASSED))
        .forEach(job -> managementService.recalculateJobDuedate(job.getId(), false));
    Map<String, Instant> dueByTask =
        Map.of(
            PLAN_DELIVERY, responseDueAt,
            EXECUTE_SERVICE_ACTIVITIES, resolutionDueAt,
            TAKE_CORRECTIVE_ACTION, resolutionDueAt,
            REVIEW_QUALITY, resolutionDueAt);
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(requestId).list()) {
      Instant due = dueByTask.get(task.getTaskDefinitionKey());
      if (due != null) {
        task.setDueDate(Date.from(due));
        taskService.saveTask(task);
      }
    }
  }

  private List<Job> timers(String processInstanceId, List<String> activityIds) {
    return activityIds.stream()
        .flatMap(
            activityId ->
                managementService.createJobQuery()
                    .processInstanceId(processInstanceId)
                    .activityId(activityId)
                    .timers()
                    .list()
                    .stream())
        .toList();
  }
}
