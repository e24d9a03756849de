package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.CUSTOMER_ANSWER_DUE_AT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.CUSTOMER_QUESTION;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_BREACHED;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_PAUSED;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_PAUSED_MINUTES;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_STATE;

import io.servicedelivery.sla.SlaState;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The resolution clock stands still from the question to the answer: {@code ${slaClockPause.pause(execution)}} on
 * the flow that asks the customer, {@code ${slaClockPause.resume(execution)}} when "Wait for customer information"
 * ends.
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
            pauses.pause(
                data.string(REQUEST_ID),
                execution.getProcessInstanceId(),
                data.string(CUSTOMER_QUESTION),
                data.string(RESOLUTION_CALENDAR))));
    execution.setVariable(SLA_PAUSED, true);
    execution.setVariable(SLA_STATE, SlaState.PAUSED.name());
  }

  public void resume(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // no answer in time: the request is closed, nothing to resume
    }
    ProcessData data = ProcessData.of(execution);
    ResumedSla resumed =
        pauses.resume(
            data.string(REQUEST_ID),
            SlaVariables.read(execution),
            data.string(RESOLUTION_CALENDAR),
            Duration.ofMinutes(data.integer(SLA_PAUSED_MINUTES, 0)));
    SlaVariables.write(execution, resumed.due());
    execution.setVariable(SLA_PAUSED_MINUTES, (int) resumed.pausedInTotal().toMinutes());
    execution.setVariable(SLA_PAUSED, false);
    // a breach stays a breach, even when the pause moves the due date past it
    boolean breached = Boolean.TRUE.equals(execution.getVariable(SLA_BREACHED));
    execution.setVariable(SLA_STATE, breached ? SlaState.BREACHED.name() : resumed.state().name());
    // the timers read the due dates from the variables just set
    schedule.resumeResolutionTimers(execution.getProcessInstanceId());
  }
}
