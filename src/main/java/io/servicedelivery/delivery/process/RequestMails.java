package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CONFIRMATION_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CONFIRM_LINK;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.OBJECT_LINK;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RATING_LINKS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY_LABEL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.intake.CustomerLinks;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.Priority;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /** how long the rating links of the closing mail work */
  static final Duration RATING_LINKS_VALID_FOR = Duration.ofDays(30);

  private final BusinessCalendars calendars;
  private final StaffDirectory staff;
  private final CustomerLinks links;
  private final Clock clock;

  RequestMails(BusinessCalendars calendars, StaffDirectory staff, CustomerLinks links, Clock clock) {
    this.calendars = calendars;
    this.staff = staff;
    this.links = links;
    this.clock = clock;
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
   * Adds the links the mail of the type offers the customer: the completion mail a link to confirm and one to object,
   * valid until the confirmation period ends; the closing mail the one-click ratings 1 to 5, valid for
   * {@link #RATING_LINKS_VALID_FOR}.
   */
  void addLinks(Map<String, Object> model, NotificationType type, VariableScope scope) {
    ProcessData data = ProcessData.of(scope);
    String requestId = data.string(REQUEST_ID);
    if (type == NotificationType.REQUEST_COMPLETED && data.instant(CONFIRMATION_DUE_AT) != null) {
      Instant until = data.instant(CONFIRMATION_DUE_AT);
      model.put(CONFIRM_LINK, links.link(requestId, CustomerLinks.Action.CONFIRM, until));
      model.put(OBJECT_LINK, links.link(requestId, CustomerLinks.Action.OBJECT, until));
    } else if (type == NotificationType.REQUEST_CLOSED) {
      Instant until = clock.instant().plus(RATING_LINKS_VALID_FOR);
      List<Map<String, Object>> ratings = new ArrayList<>();
      for (int rating = 1; rating <= 5; rating++) {
        ratings.add(Map.of("rating", rating, "link", links.ratingLink(requestId, rating, until)));
      }
      model.put(RATING_LINKS, ratings);
    }
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
