package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.CUSTOMER_ANSWER_DUE_AT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.CUSTOMER_QUESTION;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RESOLUTION_DUE_AT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_PAUSED;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_PAUSED_MINUTES;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_WARNING_AT;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Listeners of "Wait for customer information": the resolution clock stands still from the start of the wait to its
 * end ({@code ${slaClockPause.pause(execution)}}, {@code ${slaClockPause.resume(execution)}}).
 */
@Component("slaClockPause")
public class SlaClockPauseListener {

  private final SlaPauses pauses;
  private final SlaSchedule schedule;

  SlaClockPauseListener(SlaPauses pauses, SlaSchedule schedule) {
    this.pauses = pauses;
    this.schedule = schedule;
  }

  public void pause(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    execution.setVariable(
        CUSTOMER_ANSWER_DUE_AT,
        Date.from(
            pauses.pause(data.string(REQUEST_ID), execution.getProcessInstanceId(), data.string(CUSTOMER_QUESTION))));
    execution.setVariable(SLA_PAUSED, true);
  }

  public void resume(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // no answer in time: the request is closed, nothing to resume
    }
    ProcessData data = ProcessData.of(execution);
    ResumedSla resumed =
        pauses.resume(
            data.string(REQUEST_ID),
            data.instant(RESOLUTION_DUE_AT),
            data.instant(SLA_WARNING_AT),
            Duration.ofMinutes(data.integer(SLA_PAUSED_MINUTES, 0)));
    execution.setVariable(RESOLUTION_DUE_AT, Date.from(resumed.resolutionDueAt()));
    execution.setVariable(SLA_WARNING_AT, Date.from(resumed.warningAt()));
    execution.setVariable(SLA_PAUSED_MINUTES, (int) resumed.pausedInTotal().toMinutes());
    execution.setVariable(SLA_PAUSED, false);
    // the timers read the due dates from the variables just set
    schedule.resumeResolutionTimers(execution.getProcessInstanceId());
  }
}
