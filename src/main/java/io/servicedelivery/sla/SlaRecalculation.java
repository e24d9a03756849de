package io.servicedelivery.sla;

import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * A new priority gives a request new due dates: computed from the moment it was received with the targets of the
 * new priority (in the catalog version the request was validated against: the caller looks them up), each in its
 * calendar, and with the resolution moved by the business time the request was paused so far.
 */
@Service
public class SlaRecalculation {

  private final BusinessCalendars calendars;
  private final SlaClock slaClock;

  SlaRecalculation(BusinessCalendars calendars, SlaClock slaClock) {
    this.calendars = calendars;
    this.slaClock = slaClock;
  }

  /**
   * The due dates under the target of a request received at {@code receivedAt} and paused so far for {@code
   * paused}.
   */
  public SlaDueDates dueDates(SlaTarget target, Instant receivedAt, Duration paused) {
    SlaTerms terms = calendars.terms(target);
    return slaClock.moveResolution(slaClock.dueDates(receivedAt, terms), paused, terms.resolutionCalendar());
  }
}
