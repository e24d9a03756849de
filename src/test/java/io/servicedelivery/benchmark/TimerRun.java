package io.servicedelivery.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one run measured: for every timer how late it fired after its due time, and the span of the run. */
record TimerRun(String name, List<Duration> lags, Duration span) {

  TimerRun {
    lags = new ArrayList<>(lags);
    Collections.sort(lags);
  }

  Duration percentile(double p) {
    if (lags.isEmpty()) {
      return Duration.ZERO;
    }
    int index = (int) Math.ceil(p / 100.0 * lags.size()) - 1;
    return lags.get(Math.max(0, Math.min(index, lags.size() - 1)));
  }

  /** timers fired per second from the first due time to the last firing */
  double timersPerSecond() {
    return lags.size() / Math.max(0.001, span.toMillis() / 1000.0);
  }
}
