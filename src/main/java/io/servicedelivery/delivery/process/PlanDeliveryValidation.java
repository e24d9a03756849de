package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.DELIVERY_INSTRUCTIONS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_COMPLETION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_START;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLAN_DEVIATION_REASON;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_DUE_AT;

import io.servicedelivery.engine.InvalidTaskInputException;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.engine.TaskInputCheck;
import io.servicedelivery.sla.ReadableTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks "Plan delivery" when it is completed, whoever completes it (Tasklist, the REST API, Java): the planned start
 * and completion are dates and times, either without an offset, meant in the zone of the request's resolution
 * calendar (as the form submits them, whatever the browser's zone: {@link WallClockTimes}), or with one; the
 * completion comes after the start, and a plan that ends after the resolution due time of the SLA says why ({@code
 * planDeviationReason}). The planned times are kept as the moments they mean. Refuses with {@link
 * InvalidTaskInputException}, so the task stays open.
 */
@Component("planDeliveryValidation")
class PlanDeliveryValidation implements TaskListener {

  private final ReadableRequestVariables readable;

  PlanDeliveryValidation(ReadableRequestVariables readable) {
    this.readable = readable;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskInputCheck.completedByAnother(task)) {
      return;
    }
    ZoneId zone = readable.planZone(task);
    keepAsMoment(task, PLANNED_START, zone);
    keepAsMoment(task, PLANNED_COMPLETION, zone);
    TaskInputCheck check = TaskInputCheck.of(task);
    Instant start = check.dateTime(PLANNED_START, true);
    Instant completion = check.dateTime(PLANNED_COMPLETION, true);
    check.text(DELIVERY_INSTRUCTIONS, true, 2000);
    String reason = check.text(PLAN_DEVIATION_REASON, false, 1000);
    if (start != null && completion != null && !completion.isAfter(start)) {
      check.reject(PLANNED_COMPLETION, "must be after the planned start (" + ReadableTime.of(start, zone) + ")");
    }
    Instant due = ProcessData.of(task).instant(RESOLUTION_DUE_AT);
    if (completion != null && due != null && completion.isAfter(due) && reason == null
        && check.isValid(PLAN_DEVIATION_REASON)) {
      check.reject(
          PLAN_DEVIATION_REASON,
          "is required: the plan ends " + ReadableTime.of(completion, zone) + ", after the resolution due time "
              + ReadableTime.of(due, zone) + "; say why it cannot end in time");
    }
    check.throwIfInvalid();
  }

  private static void keepAsMoment(DelegateTask task, String name, ZoneId zone) {
    WallClockTimes.inZone(task.getVariable(name), zone)
        .ifPresent(moment -> task.setVariable(name, Date.from(moment)));
  }
}
