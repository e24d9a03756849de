package io.servicedelivery.sla;

import java.time.Duration;

/**
 * Where a running request stands against its resolution time at one moment: its state, how much of the resolution
 * time it has used, and how much business time is left until the resolution is due.
 */
public record SlaStanding(SlaState state, int consumedPercent, Duration remaining) {}
