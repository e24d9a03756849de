package io.servicedelivery.sla;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When SLA time counts. A calendar either counts around the clock ({@code twentyFourSeven}; working hours and holidays
 * do not apply), or only within its working hours: ranges of local time per weekday, in the calendar's time zone, on
 * days that are not holidays. A day may have several ranges (08:00–12:00 and 13:00–17:00); a range ending at 00:00
 * lasts until midnight at the end of its day.
 */
public record BusinessCalendar(
    String code,
    String name,
    ZoneId zoneId,
    boolean twentyFourSeven,
    Map<DayOfWeek, List<WorkingHours>> workingHours,
    List<Holiday> holidays) {

  public static final String TWENTY_FOUR_SEVEN = "24X7";

  /**
   * Counting around the clock, without asking the database: for requests from before SLA targets named calendars.
   * The seeded calendar {@value #TWENTY_FOUR_SEVEN} is the same.
   */
  public static final BusinessCalendar AROUND_THE_CLOCK =
      new BusinessCalendar(TWENTY_FOUR_SEVEN, "Around the clock", ZoneOffset.UTC, true, Map.of(), List.of());

  /** @throws IllegalArgumentException when the ranges of a day overlap, and counting them would count time twice */
  public BusinessCalendar {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(zoneId, "zoneId");
    Map<DayOfWeek, List<WorkingHours>> days = new EnumMap<>(DayOfWeek.class);
    workingHours.forEach(
        (day, ranges) -> {
          if (!ranges.isEmpty()) {
            days.put(day, sortedWithoutOverlap(code, day, ranges));
          }
        });
    workingHours = Collections.unmodifiableMap(days);
    holidays = holidays.stream().sorted(Comparator.comparing(Holiday::date)).toList();
  }

  /** The working ranges of the date: none on a holiday or a day without working hours. */
  public List<WorkingHours> workingHoursOn(LocalDate date) {
    return isHoliday(date) ? List.of() : workingHours.getOrDefault(date.getDayOfWeek(), List.of());
  }

  public boolean isHoliday(LocalDate date) {
    return Collections.binarySearch(holidays, new Holiday(date, null), Comparator.comparing(Holiday::date)) >= 0;
  }

  /** @return false for a calendar that is not 24x7 and has no working hours on any day of the week */
  public boolean hasWorkingTime() {
    return twentyFourSeven || !workingHours.isEmpty();
  }

  private static List<WorkingHours> sortedWithoutOverlap(String code, DayOfWeek day, List<WorkingHours> ranges) {
    List<WorkingHours> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(WorkingHours::start));
    for (int index = 1; index < sorted.size(); index++) {
      WorkingHours before = sorted.get(index - 1);
      if (before.endsAtMidnight() || sorted.get(index).start().isBefore(before.end())) {
        throw new IllegalArgumentException(
            "The working hours of calendar " + code + " overlap on " + day + ": " + before + " and "
                + sorted.get(index));
      }
    }
    return List.copyOf(sorted);
  }

  /** A range of local time within one day; an end of 00:00 is midnight at the end of the day. */
  public record WorkingHours(
      @JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end) {

    public WorkingHours {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
        throw new IllegalArgumentException("Working hours must end after they start: " + start + "–" + end);
      }
    }

    public static WorkingHours of(String start, String end) {
      return new WorkingHours(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean endsAtMidnight() {
      return end.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public String toString() {
      return start + "–" + end;
    }
  }

  /** A day without working time, e.g. 2026-12-25 Christmas Day. */
  public record Holiday(LocalDate date, String name) {}
}
