package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY_LABEL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.Priority;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the mails about a request say, and in which time zone they give its times. A mail is filled from the request's
 * variables, with its codes by their labels (the priority) and its people by their names (the assigned person). The
 * zone is decided once per mail: the requester's mails are in the requester's zone as the delivery record keeps it,
 * else in the zone of the request's resolution calendar; the staff's mails are in the calendar's zone. A request
 * without a calendar (rejected before it was bound to an SLA) reads in UTC.
 */
@Component
class RequestMails {

  /** The assigned person by name, for the mails. */
  static final String ALLOCATED_RESOURCE_NAME = "allocatedResourceName";

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final BusinessCalendars calendars;
  private final StaffDirectory staff;

  RequestMails(BusinessCalendars calendars, StaffDirectory staff) {
    this.calendars = calendars;
    this.staff = staff;
  }

  /** The request's variables, with the priority's label and the assigned person's name. */
  Map<String, Object> model(VariableScope scope) {
    ProcessData data = ProcessData.of(scope);
    Map<String, Object> model = new HashMap<>(scope.getVariables());
    String priority = data.string(PRIORITY);
    Priority known = Priority.parse(priority);
    model.put(PRIORITY_LABEL, known == null ? priority : known.label());
    String assignee = data.string(ALLOCATED_RESOURCE);
    if (assignee != null) {
      model.put(ALLOCATED_RESOURCE_NAME, staff.nameOf(assignee));
    }
    return model;
  }

  /**
   * @param record the request's delivery record, the authority on the requester's zone; null when there is none
   * @return the requester's zone, else the resolution calendar's
   */
  ZoneId requesterZone(VariableScope scope, ServiceDeliveryRecord record) {
    String zone = record == null ? null : record.requesterTimeZone();
    if (zone != null) {
      try {
        return ZoneId.of(zone);
      } catch (DateTimeException e) {
        // kept as it arrived by a way intake does not check; validation rejected it, the mail reads in the calendar's
      }
    }
    return calendarZone(scope);
  }

  /** @return the zone of the request's resolution calendar, in which the staff read its times */
  ZoneId calendarZone(VariableScope scope) {
    String calendar = ProcessData.of(scope).string(RESOLUTION_CALENDAR);
    return calendar == null ? UTC : calendars.zoneOfRequest(calendar);
  }
}
