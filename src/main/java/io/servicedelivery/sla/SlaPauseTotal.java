package io.servicedelivery.sla;

import java.time.Duration;

/**
 * The pauses of a request's resolution clock taken together: the business time of the pauses that have ended, and
 * whether the clock stands still right now.
 */
public record SlaPauseTotal(Duration paused, boolean pausedNow) {

  public static final SlaPauseTotal NONE = new SlaPauseTotal(Duration.ZERO, false);
}
