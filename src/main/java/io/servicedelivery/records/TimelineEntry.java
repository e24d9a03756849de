package io.servicedelivery.records;

import java.time.Instant;

/** One event of the customer's timeline. */
public record TimelineEntry(CustomerEvent event, Instant at) {}
