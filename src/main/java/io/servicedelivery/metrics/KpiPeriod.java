package io.servicedelivery.metrics;

import io.servicedelivery.web.InvalidField;
import io.servicedelivery.web.InvalidParametersException;
import io.servicedelivery.web.SupportedDates;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The period [from, to) of the key figures: a request belongs to it when it ended (was closed) in it. */
record KpiPeriod(Instant from, Instant to) {

  static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
  /** two years of weeks; longer series are better asked for in pieces */
  static final int MAX_WEEKS = 106;

  static final String FORMAT =
      "must be an instant in ISO-8601 format such as 2026-11-01T00:00:00Z, or a date such as 2026-11-01 "
          + "(the start of that day in UTC), from year 0001 to 9999";

  /** An instant or date with a four-digit year, as JSON bodies have it (web/JsonStrictness), nothing padded. */
  private static final Pattern TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?");

  /**
   * @param from an ISO-8601 instant or date; by default (also when blank) 30 days before {@code to}
   * @param to an ISO-8601 instant or date, exclusive; by default (also when blank) now
   */
  static KpiPeriod parse(String from, String to, Clock clock) {
    List<InvalidField> errors = new ArrayList<>();
    Instant start = isBlank(from) ? null : instant("from", from, errors);
    Instant end = isBlank(to) ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : instant("to", to, errors);
    if (!errors.isEmpty()) {
      throw new InvalidParametersException(errors);
    }
    if (start == null) {
      start = end.minus(DEFAULT_LENGTH);
    }
    if (!start.isBefore(end)) {
      throw new InvalidParametersException("from", "must be before to (" + end + ")");
    }
    return new KpiPeriod(start, end);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /**
   * The instant the text names, or null (and an error) when it is not one of the years 1 to 9999: the database and
   * the weeks cannot hold more, and {@code +999999999-12-31T23:59:59Z} is no period anybody has figures of.
   */
  private static Instant instant(String field, String text, List<InvalidField> errors) {
    Instant instant = null;
    if (TEXT.matcher(text).matches()) {
      try {
        instant = OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notAnInstant) {
        try {
          instant = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
          instant = null;
        }
      }
    }
    if (instant == null || !SupportedDates.contain(instant)) {
      errors.add(new InvalidField(field, FORMAT));
      return null;
    }
    return instant;
  }

  /**
   * The period of equal length that ends where this one starts, but not before the year 1 (a period that starts then
   * has an empty previous period).
   */
  KpiPeriod previous() {
    Duration length = Duration.between(from, to);
    Instant start =
        Duration.between(SupportedDates.EARLIEST, from).compareTo(length) < 0 ? SupportedDates.EARLIEST : from.minus(length);
    return new KpiPeriod(start, from);
  }

  boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  /** An ISO week and the part of the period that falls into it. */
  record Week(LocalDate start, KpiPeriod part) {}

  /** The ISO weeks (Monday 00:00 UTC) the period touches, each cut to the period. */
  List<Week> weeks() {
    LocalDate monday =
        from.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    if (Duration.between(monday.atStartOfDay(ZoneOffset.UTC).toInstant(), to).toDays() > 7L * MAX_WEEKS) {
      throw new InvalidParametersException(
          "from", "must be at most " + MAX_WEEKS + " weeks before to for weekly figures");
    }
    List<Week> weeks = new ArrayList<>();
    for (LocalDate start = monday; start.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to);
        start = start.plusWeeks(1)) {
      Instant weekFrom = start.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant weekTo = start.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      weeks.add(new Week(start, new KpiPeriod(max(from, weekFrom), min(to, weekTo))));
    }
    return weeks;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
