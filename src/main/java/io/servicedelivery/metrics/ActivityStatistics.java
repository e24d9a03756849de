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
 * @param reworks quality reviews that failed in the period and sent the work back; only <i>Register rework</i>, the
 *     step of that flow, has any, as many as the records of those requests count
 * @param repeatedPasses passes through the task or call activity in the period that were not a request's first pass
 *     there, whatever the reason (a customer's answer, a corrective action, a rework, a later SLA warning)
 */
public record ActivityStatistics(
    String activityId,
    long finished,
    Long averageMillis,
    Long p90Millis,
    long waiting,
    long slaBreaches,
    long reworks,
    long repeatedPasses) {}
