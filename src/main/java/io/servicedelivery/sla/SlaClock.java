package io.servicedelivery.sla;

import io.servicedelivery.sla.BusinessCalendar.WorkingHours;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Computes every SLA time. A 24x7 calendar counts every instant. A business calendar counts the real time that
 * passes inside its working ranges, on working days that are not holidays, in the calendar's time zone:
 *
 * <ul>
 *   <li>a start outside working hours starts counting at the next working moment;
 *   <li>a due date that falls exactly at the end of a range stays there, it is not pushed to the next range;
 *   <li>a range is local wall-clock time, so 08:00–18:00 is ten hours on every day, also on the days the clocks
 *       change (they change at night). A range across the change counts the real time that passes: 01:00–04:00 is
 *       two hours when the clocks spring forward and four when they fall back. A boundary that does not exist on
 *       that day (02:30 when 02:00 jumps to 03:00) is the moment of the jump; a boundary that occurs twice (02:30
 *       when 03:00 falls back to 02:00) is the first occurrence for a start and the second for an end.
 * </ul>
 *
 * "Now" is the application clock, which follows the engine clock.
 */
@Service
public class SlaClock {

  /** The warning of the 24x7 methods below, and where a request is at risk when its SLA names no threshold. */
  static final int WARNING_PERCENT = 75;

  /** How far ahead of its start a due date is searched: a calendar with too little working time fails, not hangs. */
  static final Period HORIZON = Period.ofYears(10);

  private final Clock clock;

  public SlaClock(Clock clock) {
    this.clock = clock;
  }

  /**
   * The due dates of a request received at {@code receivedAt}: response and resolution, each counted in its calendar,
   * and one warning per threshold at that percentage of the resolution time, counted in the resolution calendar.
   */
  public SlaDueDates dueDates(Instant receivedAt, SlaTerms terms) {
    List<Instant> warnings =
        terms.warningPercents().stream()
            .map(
                percent ->
                    addBusinessTime(
                        receivedAt,
                        terms.resolution().multipliedBy(percent).dividedBy(100),
                        terms.resolutionCalendar()))
            .toList();
    return new SlaDueDates(
        addBusinessTime(receivedAt, terms.response(), terms.responseCalendar()),
        addBusinessTime(receivedAt, terms.resolution(), terms.resolutionCalendar()),
        warnings);
  }

  /** Due dates counted 24x7, with the default warnings at 50, 75 and 90 % of the resolution time. */
  public SlaDueDates dueDates(Instant receivedAt, Duration response, Duration resolution) {
    return dueDates(receivedAt, SlaTerms.twentyFourSeven(response, resolution));
  }

  /**
   * @return {@code start} plus {@code businessTime} counted in the calendar's working time (24x7: plain addition)
   * @throws IllegalArgumentException when the calendar has no working time, or not enough within {@link #HORIZON}
   */
  public Instant addBusinessTime(Instant start, Duration businessTime, BusinessCalendar calendar) {
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("Business time must not be negative: " + businessTime);
    }
    if (calendar.twentyFourSeven()) {
      return start.plus(businessTime);
    }
    if (!calendar.hasWorkingTime()) {
      throw new IllegalArgumentException(
          "The business calendar " + calendar.code() + " has no working hours on any day: no SLA time can be "
              + "counted in it.");
    }
    if (businessTime.isZero()) {
      return start;
    }
    Duration left = businessTime;
    Instant counted = start;
    // from the day before: where midnight occurs twice, the range of the day before may end after the day began
    LocalDate day = start.atZone(calendar.zoneId()).toLocalDate().minusDays(1);
    LocalDate last = day.plus(HORIZON);
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      for (Interval interval : intervals(day, calendar)) {
        Instant from = later(interval.start(), counted);
        if (!from.isBefore(interval.end())) {
          continue;
        }
        Duration available = Duration.between(from, interval.end());
        if (left.compareTo(available) <= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
        counted = interval.end();
      }
    }
    throw new IllegalArgumentException(
        "The business calendar " + calendar.code() + " has less than " + businessTime + " of working time in the "
            + HORIZON.getYears() + " years after " + start + ".");
  }

  /**
   * @return the same wall-clock time {@code days} working days later: days that have no working hours or are holidays
   *     do not count (24x7: plain days)
   */
  public Instant addBusinessDays(Instant start, int days, BusinessCalendar calendar) {
    if (calendar.twentyFourSeven()) {
      return start.plus(Duration.ofDays(days));
    }
    if (!calendar.hasWorkingTime()) {
      throw new IllegalArgumentException("The business calendar " + calendar.code() + " has no working days.");
    }
    ZonedDateTime at = start.atZone(calendar.zoneId());
    LocalDate day = at.toLocalDate();
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (!calendar.workingHoursOn(day).isEmpty()) {
        counted++;
      }
    }
    return at.with(day).toInstant();
  }

  /**
   * @return the same wall-clock time {@code days} working days earlier (the reverse of {@link #addBusinessDays})
   */
  public Instant minusBusinessDays(Instant end, int days, BusinessCalendar calendar) {
    if (calendar.twentyFourSeven()) {
      return end.minus(Duration.ofDays(days));
    }
    if (!calendar.hasWorkingTime()) {
      throw new IllegalArgumentException("The business calendar " + calendar.code() + " has no working days.");
    }
    ZonedDateTime at = end.atZone(calendar.zoneId());
    LocalDate day = at.toLocalDate();
    for (int counted = 0; counted < days; ) {
      day = day.minusDays(1);
      if (!calendar.workingHoursOn(day).isEmpty()) {
        counted++;
      }
    }
    return at.with(day).toInstant();
  }

  /**
   * Moves the resolution due date and the warnings by business time the clock stood still (a pause); the response
   * due date stays where it is.
   */
  public SlaDueDates moveResolution(SlaDueDates due, Duration businessTime, BusinessCalendar calendar) {
    return new SlaDueDates(
        due.responseDueAt(),
        addBusinessTime(due.resolutionDueAt(), businessTime, calendar),
        due.warningsAt().stream().map(warning -> addBusinessTime(warning, businessTime, calendar)).toList());
  }

  /** @return the working time of the calendar between the two instants, zero if {@code to} is not after {@code from} */
  public Duration businessTimeBetween(Instant from, Instant to, BusinessCalendar calendar) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (calendar.twentyFourSeven()) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    Instant counted = from;
    LocalDate last = to.atZone(calendar.zoneId()).toLocalDate();
    LocalDate first = from.atZone(calendar.zoneId()).toLocalDate().minusDays(1);
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      for (Interval interval : intervals(day, calendar)) {
        Instant start = later(interval.start(), counted);
        Instant end = interval.end().isBefore(to) ? interval.end() : to;
        if (start.isBefore(end)) {
          total = total.plus(Duration.between(start, end));
          counted = end;
        }
      }
    }
    return total;
  }

  /**
   * How much of the resolution time is used up now, in percent (above 100 once breached). {@code resolutionDueAt} is
   * the due date as it stands, moved by the pauses so far, and {@code paused} is the business time of those pauses:
   * neither the resolution time nor the time used includes it.
   */
  public int consumedPercent(
      Instant receivedAt, Instant resolutionDueAt, BusinessCalendar calendar, Duration paused) {
    Duration total = businessTimeBetween(receivedAt, resolutionDueAt, calendar).minus(paused);
    Duration used = businessTimeBetween(receivedAt, clock.instant(), calendar).minus(paused);
    if (total.isNegative() || total.isZero()) {
      return 100;
    }
    return (int) Math.max(0, Math.round(used.toMillis() * 100.0 / total.toMillis()));
  }

  /** @return how much of the resolution time is used up now, counted 24x7, in percent (above 100 once breached) */
  public int consumedPercent(Instant receivedAt, Instant resolutionDueAt) {
    return consumedPercent(receivedAt, resolutionDueAt, BusinessCalendar.AROUND_THE_CLOCK, Duration.ZERO);
  }

  /** @return the business time left until {@code dueAt}, zero once it has passed */
  public Duration remaining(Instant dueAt, BusinessCalendar calendar) {
    return businessTimeBetween(clock.instant(), dueAt, calendar);
  }

  /** @return the time left until {@code dueAt}, counted 24x7, zero once it has passed */
  public Duration remaining(Instant dueAt) {
    return remaining(dueAt, BusinessCalendar.AROUND_THE_CLOCK);
  }

  /**
   * @param atRiskPercent from this much of the resolution time used, the request is at risk
   * @return where an open request stands against its resolution time
   */
  public SlaState stateOfOpen(
      Instant receivedAt, Instant resolutionDueAt, BusinessCalendar calendar, Duration paused, int atRiskPercent) {
    int consumed = consumedPercent(receivedAt, resolutionDueAt, calendar, paused);
    if (consumed >= 100) {
      return SlaState.BREACHED;
    }
    return consumed >= atRiskPercent ? SlaState.AT_RISK : SlaState.ON_TRACK;
  }

  /** @return where an open request stands against its resolution time counted 24x7, at risk from 75 % */
  public SlaState stateOfOpen(Instant receivedAt, Instant resolutionDueAt) {
    return stateOfOpen(
        receivedAt, resolutionDueAt, BusinessCalendar.AROUND_THE_CLOCK, Duration.ZERO, WARNING_PERCENT);
  }

  private record Interval(Instant start, Instant end) {}

  /** The working ranges of the day as real time, in order. */
  private static List<Interval> intervals(LocalDate day, BusinessCalendar calendar) {
    List<WorkingHours> ranges = calendar.workingHoursOn(day);
    if (ranges.isEmpty()) {
      return List.of();
    }
    ZoneRules rules = calendar.zoneId().getRules();
    List<Interval> intervals = new ArrayList<>(ranges.size());
    for (WorkingHours range : ranges) {
      LocalDateTime end = range.endsAtMidnight() ? day.plusDays(1).atStartOfDay() : day.atTime(range.end());
      intervals.add(new Interval(instant(day.atTime(range.start()), rules, true), instant(end, rules, false)));
    }
    return intervals;
  }

  /**
   * The moment the zone's wall clock shows {@code local}: in a gap (clocks spring forward) the moment of the jump; in
   * an overlap (clocks fall back) the first occurrence for the start of a range and the second for its end.
   */
  static Instant instant(LocalDateTime local, ZoneRules rules, boolean startOfRange) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    ZoneOffset offset = offsets.size() == 1 || startOfRange ? offsets.get(0) : offsets.get(1);
    return local.toInstant(offset);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
