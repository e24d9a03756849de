package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_BREACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_CHECKED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_CONSUMED_PERCENT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED_MINUTES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_REMAINING_MINUTES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_STATE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_SUMMARY;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.notification.ReadableValues;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.ReadableTime;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaDueDates;
import io.servicedelivery.sla.SlaStanding;
import io.servicedelivery.sla.SlaState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Where a running request stands against its resolution time, kept in variables Cockpit and the forms show:
 * {@code slaState}, {@code slaConsumedPercent} and {@code slaRemainingMinutes} (business time of the resolution
 * calendar, paused time left out), as of {@code slaCheckedAt}, and all of it in one sentence, {@code slaSummary}.
 * Refreshed at every SLA moment (validation, each warning, the breach, a pause and its end, a recalculation, a
 * progress report) and when a task that shows it starts ({@code ${slaStanding.refresh(execution)}}).
 */
@Component("slaStanding")
public class SlaStandingVariables {


  private final SlaClock slaClock;
  private final BusinessCalendars calendars;
  private final Clock clock;
  private final ReadableRequestVariables readable;

  SlaStandingVariables(
      SlaClock slaClock, BusinessCalendars calendars, Clock clock, ReadableRequestVariables readable) {
    this.slaClock = slaClock;
    this.calendars = calendars;
    this.clock = clock;
    this.readable = readable;
  }

  /**
   * While the clock stands still the percentage and the time left stay as they were when the pause began; a breach
   * stays a breach, even when a pause or a lower priority moves the due date past it. The due times, the priority and
   * the plan as people read them are written with the standing ({@link ReadableRequestVariables}).
   */
  public SlaStanding refresh(VariableScope scope) {
    readable.write(scope);
    ProcessData data = ProcessData.of(scope);
    Instant now = clock.instant();
    SlaDueDates due = SlaVariables.read(scope);
    BusinessCalendar calendar = calendars.ofRequest(data.string(RESOLUTION_CALENDAR));
    if (Boolean.TRUE.equals(scope.getVariable(SLA_PAUSED))) {
      SlaStanding paused =
          new SlaStanding(
              SlaState.PAUSED,
              data.integer(SLA_CONSUMED_PERCENT, 0),
              Duration.ofMinutes(data.integer(SLA_REMAINING_MINUTES, 0)));
      set(scope, SLA_STATE, SlaState.PAUSED.name());
      set(scope, SLA_SUMMARY, summary(paused, due.resolutionDueAt(), now, calendar.zoneId()));
      return paused;
    }
    int consumed =
        slaClock.consumedPercent(
            data.instant(RECEIVED_AT),
            due.resolutionDueAt(),
            calendar,
            Duration.ofMinutes(data.integer(SLA_PAUSED_MINUTES, 0)));
    Duration remaining = slaClock.remaining(due.resolutionDueAt(), calendar);
    SlaState state =
        Boolean.TRUE.equals(scope.getVariable(SLA_BREACHED)) ? SlaState.BREACHED : due.stateAt(now);
    SlaStanding snapshot = new SlaStanding(state, consumed, remaining);
    set(scope, SLA_STATE, state.name());
    set(scope, SLA_CONSUMED_PERCENT, consumed);
    set(scope, SLA_REMAINING_MINUTES, (int) remaining.toMinutes());
    set(scope, SLA_CHECKED_AT, Date.from(now));
    set(scope, SLA_SUMMARY, summary(snapshot, due.resolutionDueAt(), now, calendar.zoneId()));
    return snapshot;
  }

  /** A refresh that finds the standing as it was writes nothing: each write is an update and a history row. */
  private static void set(VariableScope scope, String name, Object value) {
    if (!Objects.equals(scope.getVariable(name), value)) {
      scope.setVariable(name, value);
    }
  }

  /**
   * "At risk: 75 % of the resolution time used, 2 h 00 min of working time left until …. As of ….", the times in
   * the zone of the resolution calendar.
   */
  static String summary(SlaStanding sla, Instant dueAt, Instant checkedAt, ZoneId zone) {
    int consumedPercent = sla.consumedPercent();
    Duration remaining = sla.remaining();
    SlaState state = sla.state();
    String standing =
        consumedPercent + " % of the resolution time used, " + ReadableValues.of(remaining)
            + " of working time left until " + ReadableTime.of(dueAt, zone);
    String lead =
        switch (state) {
          case ON_TRACK -> "On track: " + standing + ".";
          case AT_RISK -> "At risk: " + standing + ".";
          case PAUSED -> "Paused while waiting for the customer: " + standing + " when the question was asked; "
              + "the due time moves by the working time the answer takes.";
          case BREACHED -> "Breached: " + consumedPercent + " % of the resolution time used, due "
              + ReadableTime.of(dueAt, zone) + ".";
          case MET, MISSED -> throw new IllegalStateException("A running request is never " + state);
        };
    return lead + " As of " + ReadableTime.of(checkedAt, zone) + ".";
  }
}
