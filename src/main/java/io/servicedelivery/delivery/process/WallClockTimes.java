package io.servicedelivery.delivery.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date and time a person entered for a request without an offset ("2026-12-08T10:00", as the plan form submits it
 * whatever the browser's time zone) is that time on the wall clocks of the request's calendar zone. A time the zone
 * skips (clocks go forward) moves forward by the gap; a time the zone has twice (clocks go back) is the earlier one.
 * A date and time with an offset ("2026-12-08T10:00+01:00", as a REST client may send it) is left to the input check:
 * it names its moment itself.
 */
final class WallClockTimes {

  private WallClockTimes() {}

  /** @return the moment the value means in the zone, or empty when it is no date and time without an offset */
  static Optional<Instant> inZone(Object value, ZoneId zone) {
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.ofLocal(LocalDateTime.parse(text.strip()), zone, null).toInstant());
    } catch (DateTimeParseException notWithoutOffset) {
      return Optional.empty();
    }
  }
}
