package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_ANSWER_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_QUESTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_REMINDER_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED_MINUTES;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.sla.ResumedSla;
import io.servicedelivery.sla.SlaPauses;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The resolution clock stands still from the question to the answer: {@code ${slaClockPause.pause(execution)}} on
 * the flow that asks the customer, {@code ${slaClockPause.resume(execution)}} when "Wait for customer information"
 * ends. The pause also sets when the customer is reminded of the question ({@code customerReminderAt}): one working
 * day before the answer is due.
 */
@Component("slaClockPause")
public class SlaClockPauseListener {

  private final SlaPauses pauses;
  private final SlaSchedule schedule;
  private final SlaStandingVariables standing;
  private final ServiceDeliveryRecords records;

  SlaClockPauseListener(
      SlaPauses pauses, SlaSchedule schedule, SlaStandingVariables standing, ServiceDeliveryRecords records) {
    this.pauses = pauses;
    this.schedule = schedule;
    this.standing = standing;
    this.records = records;
  }

  public void pause(DelegateExecution execution) {
    standing.refresh(execution); // the standing the pause keeps
    ProcessData data = ProcessData.of(execution);
    SlaPauses.Pause pause =
        pauses.pause(data.string(REQUEST_ID), data.string(CUSTOMER_QUESTION), data.string(RESOLUTION_CALENDAR));
    schedule.holdResolutionTimers(execution.getProcessInstanceId(), pause.longest());
    execution.setVariable(CUSTOMER_ANSWER_DUE_AT, Date.from(pause.answerDue()));
    execution.setVariable(
        CUSTOMER_REMINDER_AT,
        Date.from(pauses.reminderBefore(pause.answerDue(), data.string(RESOLUTION_CALENDAR))));
    execution.setVariable(SLA_PAUSED, true);
    standing.refresh(execution);
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
    records.moveResolutionDue(data.string(REQUEST_ID), resumed.due().resolutionDueAt());
    SlaVariables.write(execution, resumed.due());
    execution.setVariable(SLA_PAUSED_MINUTES, (int) resumed.pausedInTotal().toMinutes());
    execution.setVariable(SLA_PAUSED, false);
    standing.refresh(execution);
    // the timers read the due dates from the variables just set
    schedule.resumeResolutionTimers(execution.getProcessInstanceId());
  }
}
