package io.servicedelivery.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Computes every SLA due date. Time is counted 24x7 from the moment the request was received; the warning falls
 * when {@value #WARNING_PERCENT} % of the resolution time is used up.
 */
@Service
public class SlaClock {

  static final int WARNING_PERCENT = 75;

  private final Clock clock;

  public SlaClock(Clock clock) {
    this.clock = clock;
  }

  public SlaDueDates dueDates(Instant receivedAt, Duration response, Duration resolution) {
    return new SlaDueDates(
        receivedAt.plus(response),
        receivedAt.plus(resolution),
        receivedAt.plus(resolution.multipliedBy(WARNING_PERCENT).dividedBy(100)));
  }

  /** @return where an open request stands against its resolution time */
  public SlaState stateOfOpen(Instant receivedAt, Instant resolutionDueAt) {
    int consumed = consumedPercent(receivedAt, resolutionDueAt);
    if (consumed >= 100) {
      return SlaState.BREACHED;
    }
    return consumed >= WARNING_PERCENT ? SlaState.AT_RISK : SlaState.ON_TRACK;
  }

  /** @return how much of the resolution time is used up now, in percent (above 100 once breached) */
  public int consumedPercent(Instant receivedAt, Instant resolutionDueAt) {
    long total = Duration.between(receivedAt, resolutionDueAt).toMillis();
    long used = Duration.between(receivedAt, clock.instant()).toMillis();
    if (total <= 0) {
      return 100;
    }
    return (int) Math.max(0, Math.round(used * 100.0 / total));
  }

  /** @return the time left until {@code dueAt}, zero once it has passed */
  public Duration remaining(Instant dueAt) {
    Duration remaining = Duration.between(clock.instant(), dueAt);
    return remaining.isNegative() ? Duration.ZERO : remaining;
  }
}
