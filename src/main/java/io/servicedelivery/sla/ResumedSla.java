package io.servicedelivery.sla;

import java.time.Duration;

/** The due dates after a pause, moved by the business time the clock stood still. */
public record ResumedSla(SlaDueDates due, Duration paused, Duration pausedInTotal) {}
