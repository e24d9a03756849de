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

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaDueDates;
import io.servicedelivery.sla.SlaRecalculation;
import io.servicedelivery.sla.SlaTarget;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gives the request the due dates of its new priority, in the catalog version it was validated against, binds them to
 * its record, and moves its SLA timers and task due dates there.
 */
@Component("recalculateSla")
class RecalculateSlaDelegate implements JavaDelegate {

  private final SlaRecalculation recalculation;
  private final SlaSchedule schedule;
  private final SlaStandingVariables standing;
  private final ServiceCatalog catalog;
  private final ServiceDeliveryRecords records;

  RecalculateSlaDelegate(
      SlaRecalculation recalculation,
      SlaSchedule schedule,
      SlaStandingVariables standing,
      ServiceCatalog catalog,
      ServiceDeliveryRecords records) {
    this.recalculation = recalculation;
    this.schedule = schedule;
    this.standing = standing;
    this.catalog = catalog;
    this.records = records;
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
    SlaTarget target =
        target(data.string(SERVICE_CODE), version instanceof Number number ? number.intValue() : null, priority);
    SlaDueDates due =
        recalculation.dueDates(
            target, data.instant(RECEIVED_AT), Duration.ofMinutes(data.integer(SLA_PAUSED_MINUTES, 0)));
    records.bindSla(requestId, priority.name(), due.responseDueAt(), due.resolutionDueAt());
    execution.setVariable(PRIORITY, priority.name());
    SlaVariables.write(execution, due);
    execution.setVariable(RESPONSE_CALENDAR, target.responseCalendar());
    execution.setVariable(RESOLUTION_CALENDAR, target.resolutionCalendar());
    execution.removeVariable(NEW_PRIORITY);
    standing.refresh(execution);
    // the timers read the due dates from the variables just set
    schedule.recalculate(
        requestId, execution.getProcessInstanceId(), due.responseDueAt(), due.resolutionDueAt());
  }

  /** The SLA target of the priority in the catalog version the request was validated against. */
  private SlaTarget target(String serviceCode, Integer catalogVersion, Priority priority) {
    ServiceDefinition service =
        catalogVersion == null ? catalog.get(serviceCode) : catalog.find(serviceCode, catalogVersion).orElseThrow();
    return service
        .slaFor(priority)
        .orElseThrow(() -> new IllegalStateException(service.name() + " has no SLA for priority " + priority));
  }
}
