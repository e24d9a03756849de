package io.servicedelivery.resourcing;

import java.time.Instant;

/** A time a person of the pool is away. */
public record Absence(long id, Instant from, Instant to, String reason) {}
