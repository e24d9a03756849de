package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_BREACHED;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_CONSUMED_PERCENT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_PAUSED_MINUTES;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_STATE;

import io.servicedelivery.catalog.BusinessCalendars;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaDueDates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Warns the assigned person and the service coordinators that the resolution time is running out. */
@Component("sendSlaWarning")
class SendSlaWarningDelegate implements JavaDelegate {

  /**
   * The business time left until the resolution is due, when the warning is sent: in the mail only, no process
   * variable.
   */
  static final String SLA_REMAINING = "slaRemaining";

  private final Notifications notifications;
  private final SlaClock slaClock;
  private final BusinessCalendars calendars;
  private final Clock clock;

  SendSlaWarningDelegate(
      Notifications notifications, SlaClock slaClock, BusinessCalendars calendars, Clock clock) {
    this.notifications = notifications;
    this.slaClock = slaClock;
    this.calendars = calendars;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    SlaDueDates due = SlaVariables.read(execution);
    Instant resolutionDueAt = due.resolutionDueAt();
    BusinessCalendar calendar = calendars.ofRequest(data.string(RESOLUTION_CALENDAR));
    Duration paused = Duration.ofMinutes(data.integer(SLA_PAUSED_MINUTES, 0));
    execution.setVariable(
        SLA_CONSUMED_PERCENT, slaClock.consumedPercent(data.instant(RECEIVED_AT), resolutionDueAt, calendar, paused));
    if (!Boolean.TRUE.equals(execution.getVariable(SLA_BREACHED))) {
      execution.setVariable(SLA_STATE, due.stateAt(clock.instant()).name());
    }
    Map<String, Object> model = new HashMap<>(execution.getVariables());
    model.put(SLA_REMAINING, slaClock.remaining(resolutionDueAt, calendar));
    String assignee = data.string(ALLOCATED_RESOURCE);
    notifications.notifyStaff(
        NotificationType.SLA_WARNING,
        data.string(REQUEST_ID),
        assignee == null ? Collections.emptyList() : List.of(assignee),
        List.of(Groups.SERVICE_COORDINATORS),
        model);
  }
}
