package io.servicedelivery.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class ReadableTimeTest {

  private static final Instant WINTER = Instant.parse("2026-12-09T10:00:00Z");
  private static final Instant SUMMER = Instant.parse("2026-07-01T10:00:00Z");

  @Test
  void aMomentReadsInTheReadersZoneWithItsAbbreviation() {
    assertThat(ReadableTime.of(WINTER, ZoneId.of("Europe/Berlin"))).isEqualTo("Wed 9 Dec 2026, 11:00 CET");
    assertThat(ReadableTime.of(SUMMER, ZoneId.of("Europe/Berlin"))).isEqualTo("Wed 1 Jul 2026, 12:00 CEST");
    assertThat(ReadableTime.of(WINTER, ZoneId.of("America/New_York"))).isEqualTo("Wed 9 Dec 2026, 05:00 EST");
    assertThat(ReadableTime.of(WINTER, ZoneId.of("Asia/Tokyo"))).isEqualTo("Wed 9 Dec 2026, 19:00 JST");
  }

  @Test
  void utcReadsAsUtcAlsoWhenGivenAsAnOffset() {
    assertThat(ReadableTime.of(WINTER, ZoneOffset.UTC)).isEqualTo("Wed 9 Dec 2026, 10:00 UTC");
    assertThat(ReadableTime.of(Date.from(WINTER), ZoneId.of("UTC"))).isEqualTo("Wed 9 Dec 2026, 10:00 UTC");
  }

  @Test
  void noMomentReadsAsNothing() {
    assertThat(ReadableTime.of((Instant) null, ZoneOffset.UTC)).isEmpty();
    assertThat(ReadableTime.of((Date) null, ZoneOffset.UTC)).isEmpty();
  }
}
