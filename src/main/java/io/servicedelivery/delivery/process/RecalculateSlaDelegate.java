package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CATALOG_VERSION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.NEW_PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESPONSE_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SERVICE_CODE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED_MINUTES;

import io.servicedelivery.delivery.SlaRecalculation;
import io.servicedelivery.delivery.SlaSchedule;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.catalog.Priority;
import io.servicedelivery.delivery.SlaRecalculation.Recalculated;
import io.servicedelivery.sla.SlaDueDates;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the request the due dates of its new priority and moves its SLA timers and task due dates there. */
@Component("recalculateSla")
class RecalculateSlaDelegate implements JavaDelegate {

  private final SlaRecalculation recalculation;
  private final SlaSchedule schedule;
  private final SlaStanding standing;

  RecalculateSlaDelegate(SlaRecalculation recalculation, SlaSchedule schedule, SlaStanding standing) {
    this.recalculation = recalculation;
    this.schedule = schedule;
    this.standing = standing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    Priority priority = Priority.parse(data.string(NEW_PRIORITY));
    if (priority == null) {
      throw new IllegalArgumentException("Unknown priority '" + data.string(NEW_PRIORITY) + "'");
    }
    String requestId = data.string(REQUEST_ID);
    Object version = execution.getVariable(CATALOG_VERSION);
    Recalculated recalculated =
        recalculation.forPriority(
            requestId,
            data.string(SERVICE_CODE),
            version instanceof Number number ? number.intValue() : null,
            priority,
            data.instant(RECEIVED_AT),
            Duration.ofMinutes(data.integer(SLA_PAUSED_MINUTES, 0)));
    SlaDueDates due = recalculated.due();
    execution.setVariable(PRIORITY, priority.name());
    SlaVariables.write(execution, due);
    execution.setVariable(RESPONSE_CALENDAR, recalculated.target().responseCalendar());
    execution.setVariable(RESOLUTION_CALENDAR, recalculated.target().resolutionCalendar());
    execution.removeVariable(NEW_PRIORITY);
    standing.refresh(execution);
    // the timers read the due dates from the variables just set
    schedule.recalculate(
        requestId, execution.getProcessInstanceId(), due.responseDueAt(), due.resolutionDueAt());
  }
}
