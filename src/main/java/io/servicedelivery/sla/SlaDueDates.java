package io.servicedelivery.sla;

import java.time.Instant;

/**
 * When a request must be planned (response), completed and verified (resolution), and when the people involved
 * are warned that the resolution time is running out.
 */
public record SlaDueDates(Instant responseDueAt, Instant resolutionDueAt, Instant warningAt) {}
