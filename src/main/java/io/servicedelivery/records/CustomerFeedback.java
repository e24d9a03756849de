package io.servicedelivery.records;

import java.time.Instant;

/** The customer's rating of a delivered request (1 to 5) with their comment. */
public record CustomerFeedback(int rating, String comment, Instant ratedAt, String ratedBy) {}
