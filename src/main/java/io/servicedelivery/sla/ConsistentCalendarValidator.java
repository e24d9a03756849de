package io.servicedelivery.sla;

import io.servicedelivery.sla.CalendarDefinition.Holiday;
import io.servicedelivery.sla.CalendarDefinition.WorkingHours;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Checks {@link ConsistentCalendar}; missing values are left to the field constraints. */
public class ConsistentCalendarValidator implements ConstraintValidator<ConsistentCalendar, CalendarDefinition> {

  @Override
  public boolean isValid(CalendarDefinition calendar, ConstraintValidatorContext context) {
    if (calendar == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    boolean valid = timeZone(calendar.zoneId(), context);
    valid &= workingTime(calendar, context);
    for (Map.Entry<DayOfWeek, List<WorkingHours>> day : calendar.workingHours().entrySet()) {
      valid &= ranges(day.getKey(), day.getValue(), context);
    }
    valid &= holidaysOnce(calendar.holidays(), context);
    return valid;
  }

  private static boolean timeZone(String zoneId, ConstraintValidatorContext context) {
    if (zoneId == null || zoneId.isBlank() || ZoneId.getAvailableZoneIds().contains(zoneId)) {
      return true;
    }
    violation(context, "must be an IANA time zone such as Europe/Berlin or America/New_York", "zoneId");
    return false;
  }

  private static boolean workingTime(CalendarDefinition calendar, ConstraintValidatorContext context) {
    if (calendar.twentyFourSeven() == null) {
      return true;
    }
    boolean hasRanges = calendar.workingHours().values().stream().anyMatch(ranges -> ranges != null
        && !ranges.isEmpty());
    if (calendar.twentyFourSeven()) {
      boolean valid = true;
      if (hasRanges) {
        violation(context, "must be empty: a 24x7 calendar counts every moment", "workingHours");
        valid = false;
      }
      if (!calendar.holidays().isEmpty()) {
        violation(context, "must be empty: a 24x7 calendar counts holidays too", "holidays");
        valid = false;
      }
      return valid;
    }
    if (!hasRanges) {
      violation(context, "must have at least one range: without working time no SLA time ever counts",
          "workingHours");
      return false;
    }
    return true;
  }

  /** Each range whole minutes and ending after it starts; the ranges of the day apart from each other. */
  private static boolean ranges(DayOfWeek day, List<WorkingHours> ranges, ConstraintValidatorContext context) {
    if (ranges == null) {
      return true;
    }
    List<WorkingHours> complete =
        ranges.stream().filter(range -> range != null && range.start() != null && range.end() != null).toList();
    boolean valid = true;
    for (WorkingHours range : complete) {
      if (!wholeMinutes(range.start()) || !wholeMinutes(range.end())) {
        violation(context, "must have ranges of whole minutes: " + text(range) + " on " + day + " has seconds",
            "workingHours");
        valid = false;
      } else if (!endsAtMidnight(range) && !range.start().isBefore(range.end())) {
        violation(context, "must have ranges that end after they start: " + text(range) + " on " + day
            + " does not (an end of 00:00 is midnight)", "workingHours");
        valid = false;
      }
    }
    if (!valid) {
      return false;
    }
    List<WorkingHours> sorted = new ArrayList<>(complete);
    sorted.sort(Comparator.comparing(WorkingHours::start));
    for (int index = 1; index < sorted.size(); index++) {
      WorkingHours before = sorted.get(index - 1);
      WorkingHours after = sorted.get(index);
      if (endsAtMidnight(before) || after.start().isBefore(before.end())) {
        violation(context, "must have ranges that do not overlap: " + text(before) + " and " + text(after) + " on "
            + day + " do", "workingHours");
        valid = false;
      }
    }
    return valid;
  }

  private static boolean holidaysOnce(List<Holiday> holidays, ConstraintValidatorContext context) {
    Set<LocalDate> seen = new HashSet<>();
    Set<LocalDate> repeated = new TreeSet<>();
    holidays.stream()
        .filter(Objects::nonNull)
        .map(Holiday::date)
        .filter(Objects::nonNull)
        .forEach(date -> {
          if (!seen.add(date)) {
            repeated.add(date);
          }
        });
    repeated.forEach(date -> violation(context, "must not contain the date " + date + " more than once", "holidays"));
    return repeated.isEmpty();
  }

  private static boolean wholeMinutes(LocalTime time) {
    return time.equals(time.truncatedTo(ChronoUnit.MINUTES));
  }

  private static boolean endsAtMidnight(WorkingHours range) {
    return range.end().equals(LocalTime.MIDNIGHT);
  }

  private static String text(WorkingHours range) {
    return range.start() + "–" + range.end();
  }

  private static void violation(ConstraintValidatorContext context, String message, String field) {
    context
        .buildConstraintViolationWithTemplate(escape(message))
        .addPropertyNode(field)
        .addConstraintViolation();
  }

  /** Values from the request go into the message; keep Bean Validation from reading them as expressions. */
  public static String escape(String message) {
    return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
