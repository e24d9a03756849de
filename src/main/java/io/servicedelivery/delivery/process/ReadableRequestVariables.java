package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE_NAME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_COMPLETION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_COMPLETION_TEXT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_START;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_START_TEXT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLAN_TIME_ZONE_TEXT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY_LABEL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_DUE_TEXT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESPONSE_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESPONSE_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESPONSE_DUE_TEXT;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.ReadableTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the forms and Tasklist show of a request, as people read it: the priority by its label ({@code priorityLabel}),
 * the due times and the plan in the zone of the calendar they count in ({@code responseDueText}, {@code
 * resolutionDueText}, {@code plannedStartText}, {@code plannedCompletionText}: "Wed 9 Dec 2026, 11:00 CET"), the zone
 * the plan is entered in ({@code planTimeZoneText}) and the assigned person by name ({@code allocatedResourceName}).
 * Written from the variables they show, wherever those change: with the SLA standing ({@link SlaStandingVariables}
 * refreshes at validation, a priority change, a pause and its end, and when a task that shows them starts) and when
 * the plan is made. A Tasklist filter shows {@code priorityLabel} and {@code resolutionDueText}, so they never lag.
 */
@Component
class ReadableRequestVariables {

  private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private final BusinessCalendars calendars;
  private final StaffDirectory staff;

  ReadableRequestVariables(BusinessCalendars calendars, StaffDirectory staff) {
    this.calendars = calendars;
    this.staff = staff;
  }

  /** The zone the request's plan is entered and read in: the resolution calendar's. */
  ZoneId planZone(VariableScope scope) {
    return calendars.zoneOfRequest(ProcessData.of(scope).string(RESOLUTION_CALENDAR));
  }

  void write(VariableScope scope) {
    ProcessData data = ProcessData.of(scope);
    Priority priority = Priority.parse(data.string(PRIORITY));
    if (priority != null) {
      set(scope, PRIORITY_LABEL, priority.label());
    }
    ZoneId planZone = planZone(scope);
    ZoneId responseZone =
        Objects.equals(data.string(RESPONSE_CALENDAR), data.string(RESOLUTION_CALENDAR))
            ? planZone
            : calendars.zoneOfRequest(data.string(RESPONSE_CALENDAR));
    setTime(scope, RESPONSE_DUE_TEXT, data.instant(RESPONSE_DUE_AT), responseZone);
    setTime(scope, RESOLUTION_DUE_TEXT, data.instant(RESOLUTION_DUE_AT), planZone);
    set(scope, PLAN_TIME_ZONE_TEXT, zoneText(planZone, data.instant(RESOLUTION_DUE_AT)));
    setTime(scope, PLANNED_START_TEXT, plannedTime(data, PLANNED_START), planZone);
    setTime(scope, PLANNED_COMPLETION_TEXT, plannedTime(data, PLANNED_COMPLETION), planZone);
    String assignee = data.string(ALLOCATED_RESOURCE);
    if (assignee != null) {
      set(scope, ALLOCATED_RESOURCE_NAME, staff.nameOf(assignee));
    }
  }

  /** "Europe/Berlin (CET)": the zone's name and its abbreviation at the given moment (now when none is given). */
  static String zoneText(ZoneId zone, Instant at) {
    String abbreviation = ZONE_ABBREVIATION.format((at == null ? Instant.now() : at).atZone(zone));
    return abbreviation.equals(zone.getId()) ? zone.getId() : zone.getId() + " (" + abbreviation + ")";
  }

  /** A plan not checked yet (an offset-less text the form submitted) is shown once the check has stored it. */
  private static Instant plannedTime(ProcessData data, String name) {
    try {
      return data.instant(name);
    } catch (RuntimeException notYetAnInstant) {
      return null;
    }
  }

  private static void setTime(VariableScope scope, String name, Instant instant, ZoneId zone) {
    if (instant != null) {
      set(scope, name, ReadableTime.of(instant, zone));
    }
  }

  /** Writes only a change: each write is an update and a history row. */
  private static void set(VariableScope scope, String name, Object value) {
    if (!Objects.equals(scope.getVariable(name), value)) {
      scope.setVariable(name, value);
    }
  }
}
