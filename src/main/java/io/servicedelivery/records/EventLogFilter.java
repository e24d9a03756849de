package io.servicedelivery.records;

import java.time.Instant;

/**
 * Which requests an event log has a trace for: those received from {@code from} (inclusive) to {@code to}
 * (exclusive), of one catalog service when {@code serviceCode} is not null.
 */
public record EventLogFilter(Instant from, Instant to, String serviceCode) {}
