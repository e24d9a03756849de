package io.servicedelivery.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/** Values as people read them in mails and forms: "Mon 23 Nov 2026, 16:00 UTC", "2 h 05 min". */
public final class ReadableValues {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ReadableValues() {}

  public static String of(Object value) {
    if (value instanceof Date date) {
      return DATE_TIME.format(date.toInstant());
    }
    if (value instanceof Instant instant) {
      return DATE_TIME.format(instant);
    }
    if (value instanceof Duration duration) {
      long minutes = Math.max(0, duration.toMinutes());
      return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
    return String.valueOf(value);
  }
}
