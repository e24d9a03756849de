package io.servicedelivery.delivery.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A plan entered without an offset means the wall-clock time of the request's calendar zone. */
class WallClockTimesTest {

  @ParameterizedTest(name = "{0} in {1} is {2}")
  @CsvSource({
    "2026-12-08T10:00, Europe/Berlin, 2026-12-08T09:00:00Z",
    "2026-07-08T10:00, Europe/Berlin, 2026-07-08T08:00:00Z",
    "2026-12-08T10:00, America/New_York, 2026-12-08T15:00:00Z",
    "2026-12-08T10:00, Asia/Tokyo, 2026-12-08T01:00:00Z",
    "2026-12-08T10:00, UTC, 2026-12-08T10:00:00Z",
    // what form-js submits may carry seconds, and a person may type around the value
    "' 2026-12-08T10:00:30 ', UTC, 2026-12-08T10:00:30Z",
    // late on the last day of a month in New York is already the next month in UTC
    "2026-12-31T22:00, America/New_York, 2027-01-01T03:00:00Z",
    // clocks go forward at 02:00: 02:30 does not exist and moves on by the hour skipped
    "2027-03-14T02:30, America/New_York, 2027-03-14T07:30:00Z",
    // clocks go back at 02:00: 01:30 happens twice, the earlier one counts
    "2026-11-01T01:30, America/New_York, 2026-11-01T05:30:00Z",
  })
  void aTimeWithoutOffsetIsTheWallClockTimeOfTheZone(String entered, String zone, String meant) {
    assertThat(WallClockTimes.inZone(entered, ZoneId.of(zone))).contains(Instant.parse(meant));
  }

  @ParameterizedTest
  @CsvSource({"2026-12-08T10:00+01:00", "2026-12-08T10:00Z", "2026-12-08", "10:00", "tomorrow", "''"})
  void aTimeWithItsOwnOffsetOrNoDateAndTimeIsLeftToTheInputCheck(String entered) {
    assertThat(WallClockTimes.inZone(entered, ZoneId.of("Europe/Berlin"))).isEmpty();
  }

  @Test
  void aDateAlreadyKeptIsNoText() {
    assertThat(WallClockTimes.inZone(new Date(), ZoneId.of("Europe/Berlin"))).isEmpty();
    assertThat(WallClockTimes.inZone(null, ZoneId.of("Europe/Berlin"))).isEmpty();
  }
}
