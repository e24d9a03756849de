package io.servicedelivery.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * Moments as people read them, in the time zone that matters to the reader: "Wed 9 Dec 2026, 11:00 CET". Staff read a
 * request's times in its calendar's zone, customers in their own zone, else the calendar's.
 */
public final class ReadableTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

  private static final ZoneId UTC = ZoneId.of("UTC");

  private ReadableTime() {}

  /** @return the moment in the zone, or an empty text when there is none */
  public static String of(Instant instant, ZoneId zone) {
    return instant == null ? "" : FORMAT.format(instant.atZone(named(zone)));
  }

  /** @return the moment in the zone, or an empty text when there is none */
  public static String of(Date date, ZoneId zone) {
    return date == null ? "" : of(date.toInstant(), zone);
  }

  /** UTC as an offset would read "Z"; people read "UTC". */
  private static ZoneId named(ZoneId zone) {
    return ZoneOffset.UTC.equals(zone) ? UTC : zone;
  }
}
