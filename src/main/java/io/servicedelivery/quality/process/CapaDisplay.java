package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_DUE_AT;
import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_DUE_TEXT;
import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_OWNER;
import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_OWNER_NAME;
import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_OWNER_OPTIONS;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_DUE_AT;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_DUE_TEXT;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_ID;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_REQUESTS_TEXT;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_SERVICE_CODE;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_SERVICE_NAME;
import static io.servicedelivery.quality.CapaProcess.Variables.CAUSE_CATEGORY;
import static io.servicedelivery.quality.CapaProcess.Variables.CAUSE_CATEGORY_LABEL;
import static io.servicedelivery.quality.CapaProcess.Variables.ESCALATION_KIND;
import static io.servicedelivery.quality.CapaProcess.Variables.ESCALATION_KIND_LABEL;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.quality.CapaProcess.Values;
import io.servicedelivery.quality.Capas;
import io.servicedelivery.quality.CauseCategory;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.ReadableTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the forms of a CAPA show people, written as process variables before each of its tasks: the due dates in the
 * zone of the business calendar (a CAPA belongs to no request, so to no request's calendar: the setting {@code
 * servicedelivery.business-calendar}), the service by its name, codes by their labels, people by their names, and
 * the people who may own the actions. Read-only in the forms: they are never taken as input.
 */
@Component
class CapaDisplay {

  private final Capas capas;
  private final ServiceCatalog catalog;
  private final StaffDirectory staff;
  private final CapaActionOwners owners;
  private final BusinessCalendars calendars;
  private final String businessCalendar;

  CapaDisplay(
      Capas capas,
      ServiceCatalog catalog,
      StaffDirectory staff,
      CapaActionOwners owners,
      BusinessCalendars calendars,
      @Value("${servicedelivery.business-calendar:OFFICE_BERLIN}") String businessCalendar) {
    this.capas = capas;
    this.catalog = catalog;
    this.staff = staff;
    this.owners = owners;
    this.calendars = calendars;
    this.businessCalendar = businessCalendar;
  }

  /** Writes what the forms show from what the CAPA has so far: the next task of the CAPA reads it. */
  void write(VariableScope scope) {
    ProcessData data = ProcessData.of(scope);
    ZoneId zone = calendars.get(businessCalendar).zoneId();
    scope.setVariable(CAPA_DUE_TEXT, ReadableTime.of(data.instant(CAPA_DUE_AT), zone));
    scope.setVariable(CAPA_SERVICE_NAME, serviceName(data.string(CAPA_SERVICE_CODE)));
    scope.setVariable(CAPA_REQUESTS_TEXT, capas.linkedRequestsInWords(data.string(CAPA_ID)));
    scope.setVariable(CAUSE_CATEGORY_LABEL, CauseCategory.labelOf(data.string(CAUSE_CATEGORY)));
    scope.setVariable(ACTION_OWNER_NAME, staff.nameOf(data.string(ACTION_OWNER)));
    scope.setVariable(ACTION_DUE_TEXT, ReadableTime.of(data.instant(ACTION_DUE_AT), zone));
    scope.setVariable(ACTION_OWNER_OPTIONS, owners.options());
  }

  /** Writes what an escalation task shows: the CAPA as {@link #write} does, and what is overdue, in words. */
  void writeEscalation(DelegateTask task) {
    write(task);
    String kind = ProcessData.of(task).string(ESCALATION_KIND);
    task.setVariableLocal(
        ESCALATION_KIND_LABEL,
        Values.ESCALATION_ACTIONS_OVERDUE.equals(kind)
            ? "The actions of the plan are past their due date"
            : "The CAPA is past its due date");
  }

  private String serviceName(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    return catalog.find(code).map(ServiceDefinition::name).orElse(code);
  }
}
