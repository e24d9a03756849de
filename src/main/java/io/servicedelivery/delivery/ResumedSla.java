package io.servicedelivery.delivery;

import io.servicedelivery.sla.SlaDueDates;
import io.servicedelivery.sla.SlaState;
import java.time.Duration;

/**
 * The due dates after a pause, moved by the business time the clock stood still, and where the request stands with
 * them.
 */
record ResumedSla(SlaDueDates due, Duration paused, Duration pausedInTotal, SlaState state) {}
