package io.servicedelivery.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates and times a request may name: from the start of year 1 to the end of year 9999 (UTC), the four-digit
 * years of ISO-8601 without its expansion. {@link Instant} itself reaches a billion years either way, which the
 * database, the SLA arithmetic and the figures of a previous period cannot hold; such a value is a 400, never a 500.
 */
public final class SupportedDates {

  /** The earliest moment a request may name: the first day of year 1, UTC. */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest moment a request may name: the end of year 9999, UTC. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private SupportedDates() {}

  /** Whether a date or time lies within {@link #EARLIEST} and {@link #LATEST}; other values are not concerned. */
  public static boolean contain(Object value) {
    Instant instant;
    if (value instanceof Instant moment) {
      instant = moment;
    } else if (value instanceof OffsetDateTime dateTime) {
      instant = dateTime.toInstant();
    } else if (value instanceof ZonedDateTime dateTime) {
      instant = dateTime.toInstant();
    } else if (value instanceof LocalDateTime dateTime) {
      instant = dateTime.toInstant(ZoneOffset.UTC);
    } else if (value instanceof LocalDate date) {
      instant = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    } else {
      return true;
    }
    return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }
}
