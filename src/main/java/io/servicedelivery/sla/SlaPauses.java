package io.servicedelivery.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The resolution clock stands still while a request waits for the customer: the pause is recorded with its reason,
 * and the customer has a number of business days to answer (the caller holds the process's resolution timers that
 * long); on resume the due dates move by the business time of the pause, counted in the request's resolution
 * calendar (the caller binds them to the record and the process).
 */
@Service
public class SlaPauses {

  private final SlaPauseLog pauseLog;
  private final SlaClock slaClock;
  private final BusinessCalendars calendars;
  private final Clock clock;
  private final int customerAnswerBusinessDays;
  private final int confirmationPeriodWorkingDays;

  SlaPauses(
      SlaPauseLog pauseLog,
      SlaClock slaClock,
      BusinessCalendars calendars,
      Clock clock,
      @Value("${servicedelivery.sla.customer-answer-business-days:5}") int customerAnswerBusinessDays,
      @Value("${servicedelivery.confirmation-period-working-days:5}") int confirmationPeriodWorkingDays) {
    this.pauseLog = pauseLog;
    this.slaClock = slaClock;
    this.calendars = calendars;
    this.clock = clock;
    this.customerAnswerBusinessDays = customerAnswerBusinessDays;
    this.confirmationPeriodWorkingDays = confirmationPeriodWorkingDays;
  }

  /** A pause that began at {@code since}; the customer must answer by {@code answerDue}. */
  public record Pause(Instant since, Instant answerDue) {

    /** the longest the pause may last: the request is closed as abandoned when the answer is not in by then */
    public Duration longest() {
      return Duration.between(since, answerDue);
    }
  }

  /** @return the pause, with by when the customer must answer before the request is closed as abandoned */
  public Pause pause(String requestId, String question, String resolutionCalendar) {
    Instant now = clock.instant();
    Instant answerDue =
        slaClock.addBusinessDays(now, customerAnswerBusinessDays, calendars.ofRequest(resolutionCalendar));
    pauseLog.startPause(requestId, question);
    return new Pause(now, answerDue);
  }

  /**
   * @return when to remind the customer of an unanswered question: one working day of the resolution calendar before
   *     the answer is due (the request is closed as abandoned then), but not before now
   */
  public Instant reminderBefore(Instant answerDue, String resolutionCalendar) {
    Instant reminder = slaClock.minusBusinessDays(answerDue, 1, calendars.ofRequest(resolutionCalendar));
    Instant now = clock.instant();
    return reminder.isBefore(now) ? now : reminder;
  }

  /**
   * The request is resolved and waits for the customer's confirmation: its resolution clock stands still (an
   * objection resumes it with {@link #resume}, a closure ends the pause).
   *
   * @return the pause, with by when the customer may object: the configured number of working days of the resolution
   *     calendar ({@code servicedelivery.confirmation-period-working-days}, 5 by default); silence until then closes
   *     the request
   */
  public Pause awaitConfirmation(String requestId, String resolutionCalendar) {
    Instant now = clock.instant();
    Instant confirmationDue =
        slaClock.addBusinessDays(now, confirmationPeriodWorkingDays, calendars.ofRequest(resolutionCalendar));
    pauseLog.startPause(requestId, "Resolved: waiting for the customer's confirmation");
    return new Pause(now, confirmationDue);
  }

  public ResumedSla resume(String requestId, SlaDueDates due, String resolutionCalendar, Duration pausedBefore) {
    BusinessCalendar calendar = calendars.ofRequest(resolutionCalendar);
    Duration paused =
        pauseLog
            .openPauseSince(requestId)
            .map(since -> slaClock.businessTimeBetween(since, clock.instant(), calendar))
            .orElse(Duration.ZERO);
    pauseLog.endPause(requestId, paused);
    SlaDueDates moved = slaClock.moveResolution(due, paused, calendar);
    return new ResumedSla(moved, paused, pausedBefore.plus(paused));
  }
}
