package io.servicedelivery.metrics;

/**
 * What the process map shows on one activity of the service-delivery diagram. Durations are those of the activity
 * instances that finished in the period (cancelled ones left out), {@code null} when none did; {@code waiting} is the
 * number of requests there now, whatever the period.
 *
 * @param finished activity instances that finished in the period
 * @param averageMillis their average duration
 * @param p90Millis the duration 90 % of them did not exceed (nearest rank)
 * @param waiting requests waiting there now
 * @param slaBreaches requests whose resolution SLA was breached in the period while they were at this activity
 * @param reworks passes through the task or call activity in the period that were not a request's first pass there
 */
public record ActivityStatistics(
    String activityId,
    long finished,
    Long averageMillis,
    Long p90Millis,
    long waiting,
    long slaBreaches,
    long reworks) {}
