package io.servicedelivery.sla;

import java.time.Instant;

/** A time the request's resolution clock stood still, and why; {@code pausedMinutes} once it has ended. */
public record SlaPauseEntry(String reason, Instant startedAt, Instant endedAt, Integer pausedMinutes) {}
