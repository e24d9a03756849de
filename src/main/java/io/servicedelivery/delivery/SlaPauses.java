package io.servicedelivery.delivery;

import io.servicedelivery.catalog.BusinessCalendars;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaDueDates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The resolution clock stands still while a request waits for the customer: the pause is recorded with its reason
 * and the resolution timers are held; on resume the due dates move by the business time of the pause, counted in
 * the request's resolution calendar.
 */
@Service
public class SlaPauses {

  private final ServiceDeliveryRecords records;
  private final SlaSchedule schedule;
  private final SlaClock slaClock;
  private final BusinessCalendars calendars;
  private final Clock clock;
  private final int customerAnswerBusinessDays;

  SlaPauses(
      ServiceDeliveryRecords records,
      SlaSchedule schedule,
      SlaClock slaClock,
      BusinessCalendars calendars,
      Clock clock,
      @Value("${servicedelivery.sla.customer-answer-business-days:5}") int customerAnswerBusinessDays) {
    this.records = records;
    this.schedule = schedule;
    this.slaClock = slaClock;
    this.calendars = calendars;
    this.clock = clock;
    this.customerAnswerBusinessDays = customerAnswerBusinessDays;
  }

  /** @return by when the customer must answer before the request is closed as abandoned */
  public Instant pause(String requestId, String processInstanceId, String question, String resolutionCalendar) {
    Instant now = clock.instant();
    Instant answerDue =
        slaClock.addBusinessDays(now, customerAnswerBusinessDays, calendars.ofRequest(resolutionCalendar));
    records.startPause(requestId, question);
    schedule.holdResolutionTimers(processInstanceId, Duration.between(now, answerDue));
    return answerDue;
  }

  public ResumedSla resume(String requestId, SlaDueDates due, String resolutionCalendar, Duration pausedBefore) {
    BusinessCalendar calendar = calendars.ofRequest(resolutionCalendar);
    Duration paused =
        records
            .openPauseSince(requestId)
            .map(since -> slaClock.businessTimeBetween(since, clock.instant(), calendar))
            .orElse(Duration.ZERO);
    records.endPause(requestId, paused);
    SlaDueDates moved = slaClock.moveResolution(due, paused, calendar);
    records.moveResolutionDue(requestId, moved.resolutionDueAt());
    return new ResumedSla(moved, paused, pausedBefore.plus(paused));
  }
}
