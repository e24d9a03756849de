package io.servicedelivery.sla;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an SLA promises, ready to compute due dates: the response and resolution times, each counted in its calendar,
 * and the warning thresholds in percent of the resolution time (three, ascending, each above 0 and below 100).
 */
public record SlaTerms(
    Duration response,
    BusinessCalendar responseCalendar,
    Duration resolution,
    BusinessCalendar resolutionCalendar,
    List<Integer> warningPercents) {

  public static final List<Integer> DEFAULT_WARNING_PERCENTS = List.of(50, 75, 90);

  public SlaTerms {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(responseCalendar, "responseCalendar");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(resolutionCalendar, "resolutionCalendar");
    warningPercents = List.copyOf(warningPercents);
    if (!ascendingPercents(warningPercents)) {
      throw new IllegalArgumentException(
          "Warning thresholds must be three ascending percentages above 0 and below 100: " + warningPercents);
    }
  }

  /** Both times counted around the clock, with the default warnings at 50, 75 and 90 %. */
  public static SlaTerms twentyFourSeven(Duration response, Duration resolution) {
    return new SlaTerms(
        response,
        BusinessCalendar.AROUND_THE_CLOCK,
        resolution,
        BusinessCalendar.AROUND_THE_CLOCK,
        DEFAULT_WARNING_PERCENTS);
  }

  /** @return whether the percentages are three, ascending, each above 0 and below 100 */
  public static boolean ascendingPercents(List<Integer> percents) {
    if (percents.size() != 3) {
      return false;
    }
    int previous = 0;
    for (Integer percent : percents) {
      if (percent == null || percent <= previous) {
        return false;
      }
      previous = percent;
    }
    return previous < 100;
  }
}
