package io.servicedelivery.quality;

/** A review round just opened: its number, the results of the automated checks, the findings of earlier rounds. */
public record ReviewRound(int round, QualityCheckReport checks, String previousFindings) {}
