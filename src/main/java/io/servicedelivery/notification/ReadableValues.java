package io.servicedelivery.notification;

import io.servicedelivery.sla.ReadableTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;

/**
 * Values as people read them in mails and forms: moments as {@link ReadableTime} writes them in the reader's zone
 * ("Wed 9 Dec 2026, 11:00 CET"), durations as "2 h 05 min", anything else as its text.
 */
public final class ReadableValues {

  private ReadableValues() {}

  /** @param zone the time zone the reader reads moments in */
  public static String of(Object value, ZoneId zone) {
    if (value instanceof Date date) {
      return ReadableTime.of(date, zone);
    }
    if (value instanceof Instant instant) {
      return ReadableTime.of(instant, zone);
    }
    if (value instanceof Duration duration) {
      return of(duration);
    }
    return String.valueOf(value);
  }

  /** @return the duration in hours and minutes, "2 h 05 min"; a negative one as none */
  public static String of(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
  }
}
