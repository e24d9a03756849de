package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.QualityControlProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.quality.QualityControlProcess.Variables.ALLOCATED_RESOURCE_NAME;
import static io.servicedelivery.quality.QualityControlProcess.Variables.PRIORITY;
import static io.servicedelivery.quality.QualityControlProcess.Variables.PRIORITY_LABEL;
import static io.servicedelivery.quality.QualityControlProcess.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.quality.QualityControlProcess.Variables.RESOLUTION_DUE_AT;
import static io.servicedelivery.quality.QualityControlProcess.Variables.RESOLUTION_DUE_TEXT;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.ReadableTime;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What "Review quality" shows people, written as process variables before the task: the request's resolution due
 * time in the zone of the request's calendar, its priority by label, and who delivered it by name. Read-only in the
 * form: never taken as input.
 */
@Component
class QualityReviewDisplay {

  private final BusinessCalendars calendars;
  private final StaffDirectory staff;

  QualityReviewDisplay(BusinessCalendars calendars, StaffDirectory staff) {
    this.calendars = calendars;
    this.staff = staff;
  }

  void write(VariableScope scope) {
    ProcessData data = ProcessData.of(scope);
    Priority priority = Priority.parse(data.string(PRIORITY));
    scope.setVariable(PRIORITY_LABEL, priority == null ? "" : priority.label());
    scope.setVariable(
        RESOLUTION_DUE_TEXT,
        ReadableTime.of(
            data.instant(RESOLUTION_DUE_AT), calendars.zoneOfRequest(data.string(RESOLUTION_CALENDAR))));
    scope.setVariable(ALLOCATED_RESOURCE_NAME, staff.nameOf(data.string(ALLOCATED_RESOURCE)));
  }
}
