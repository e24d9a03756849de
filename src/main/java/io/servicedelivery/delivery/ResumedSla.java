package io.servicedelivery.delivery;

import java.time.Duration;
import java.time.Instant;

/** The resolution due dates after a pause, moved by the time the clock stood still. */
record ResumedSla(Instant resolutionDueAt, Instant warningAt, Duration paused, Duration pausedInTotal) {}
