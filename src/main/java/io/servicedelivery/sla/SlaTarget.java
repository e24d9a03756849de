package io.servicedelivery.sla;

import java.time.Duration;
import java.util.List;

/**
 * The service level promised for one priority: the response time (the request is planned and acknowledged) and
 * the resolution time (the delivery is completed and verified), both counted from the moment the request arrives,
 * each in the business calendar named here (e.g. {@code 24X7} or {@code OFFICE_BERLIN}); and the three warning
 * thresholds in percent of the resolution time.
 */
public record SlaTarget(
    Priority priority,
    int responseMinutes,
    int resolutionMinutes,
    String responseCalendar,
    String resolutionCalendar,
    List<Integer> warningPercents) {

  public SlaTarget {
    warningPercents = List.copyOf(warningPercents);
  }

  /** A target counted 24x7 with the default warnings at 50, 75 and 90 %. */
  public SlaTarget(Priority priority, int responseMinutes, int resolutionMinutes) {
    this(
        priority,
        responseMinutes,
        resolutionMinutes,
        BusinessCalendar.TWENTY_FOUR_SEVEN,
        BusinessCalendar.TWENTY_FOUR_SEVEN,
        SlaTerms.DEFAULT_WARNING_PERCENTS);
  }

  public Duration response() {
    return Duration.ofMinutes(responseMinutes);
  }

  public Duration resolution() {
    return Duration.ofMinutes(resolutionMinutes);
  }

  /** The target with its calendars, as the SLA clock counts it. */
  public SlaTerms terms(BusinessCalendar responseCalendar, BusinessCalendar resolutionCalendar) {
    if (!responseCalendar.code().equals(this.responseCalendar)
        || !resolutionCalendar.code().equals(this.resolutionCalendar)) {
      throw new IllegalArgumentException(
          "The SLA " + priority + " counts in " + this.responseCalendar + " and " + this.resolutionCalendar
              + ", not in " + responseCalendar.code() + " and " + resolutionCalendar.code());
    }
    return new SlaTerms(response(), responseCalendar, resolution(), resolutionCalendar, warningPercents);
  }
}
