package io.servicedelivery.catalog.process;

import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_EFFECTIVE_FROM;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_EFFECTIVE_FROM_TEXT;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_PROPOSED_BY;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_PROPOSED_BY_NAME;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.ReadableTime;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What "Review catalog change" shows people, written as process variables as the task is created: when the change
 * takes effect, in the zone of the business calendar (a catalog change belongs to no request, so to no request's
 * calendar: the setting {@code servicedelivery.business-calendar}), and who proposed it by name. Read-only in the
 * form: never taken as input.
 */
@Component
class CatalogChangeDisplay {

  private final StaffDirectory staff;
  private final BusinessCalendars calendars;
  private final String businessCalendar;

  CatalogChangeDisplay(
      StaffDirectory staff,
      BusinessCalendars calendars,
      @Value("${servicedelivery.business-calendar:OFFICE_BERLIN}") String businessCalendar) {
    this.staff = staff;
    this.calendars = calendars;
    this.businessCalendar = businessCalendar;
  }

  void write(VariableScope scope) {
    ProcessData data = ProcessData.of(scope);
    scope.setVariable(
        CATALOG_CHANGE_EFFECTIVE_FROM_TEXT,
        ReadableTime.of(data.instant(CATALOG_CHANGE_EFFECTIVE_FROM), calendars.get(businessCalendar).zoneId()));
    scope.setVariable(CATALOG_CHANGE_PROPOSED_BY_NAME, staff.nameOf(data.string(CATALOG_CHANGE_PROPOSED_BY)));
  }
}
