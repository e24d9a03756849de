package io.servicedelivery.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaClockTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-23T08:00:00Z");

  @Test
  void dueDatesCountFromReceiptAndWarnAtThreeQuarters() {
    SlaDueDates due = new SlaClock(Clock.systemUTC()).dueDates(RECEIVED, Duration.ofHours(1), Duration.ofHours(8));

    assertThat(due.responseDueAt()).isEqualTo("2026-11-23T09:00:00Z");
    assertThat(due.resolutionDueAt()).isEqualTo("2026-11-23T16:00:00Z");
    assertThat(due.warningAt()).isEqualTo("2026-11-23T14:00:00Z");
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "60, 13", "240, 50", "480, 100", "600, 125"})
  void consumedPercentOfTheResolutionTime(int minutesLater, int percent) {
    Clock now = Clock.fixed(RECEIVED.plus(Duration.ofMinutes(minutesLater)), ZoneOffset.UTC);

    assertThat(new SlaClock(now).consumedPercent(RECEIVED, RECEIVED.plus(Duration.ofHours(8)))).isEqualTo(percent);
  }

  @ParameterizedTest
  @CsvSource({"360, 120", "479, 1", "480, 0", "600, 0"})
  void remainingTimeUntilTheDueDateIsNeverNegative(int minutesLater, int minutesLeft) {
    Clock now = Clock.fixed(RECEIVED.plus(Duration.ofMinutes(minutesLater)), ZoneOffset.UTC);

    assertThat(new SlaClock(now).remaining(RECEIVED.plus(Duration.ofHours(8)))).hasMinutes(minutesLeft);
  }
}
