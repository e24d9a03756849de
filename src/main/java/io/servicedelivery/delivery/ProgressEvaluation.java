package io.servicedelivery.delivery;

/** The monitor's verdict on the latest progress report. */
record ProgressEvaluation(boolean issuesOrDelays, String summary) {}
