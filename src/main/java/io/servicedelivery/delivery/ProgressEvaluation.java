package io.servicedelivery.delivery;

/** The monitor's verdict on the latest progress report. */
public record ProgressEvaluation(boolean issuesOrDelays, String summary) {}
