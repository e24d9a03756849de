package io.servicedelivery.simulation;

import java.util.Map;

/**
 * What one replication of the simulated period [from, to) adds up to, counted like the key figures of {@code
 * metrics}: over the requests delivered (closed) in the period.
 *
 * @param arrivals requests that arrived in the period
 * @param delivered requests delivered in the period
 * @param onTime of these, resolved by their planned completion, or by their resolution due time when not planned
 * @param responseMet delivered requests planned by their response due time (all delivered requests are judged)
 * @param resolutionMet delivered requests resolved by their resolution due time (moved by the customer's waits)
 * @param cycleHours the sum of their received-to-closed times, in hours
 * @param waitHours the sum of their waits from the plan to the first person with the skill, in hours
 * @param utilisation the share of the pool's capacity held by requests in the period (0 to 1)
 * @param utilisationByResource per person
 * @param utilisationBySkill per skill: of the people who have it
 */
public record ReplicationResult(
    int arrivals,
    int delivered,
    int onTime,
    int responseMet,
    int resolutionMet,
    double cycleHours,
    double waitHours,
    double utilisation,
    Map<String, Double> utilisationByResource,
    Map<String, Double> utilisationBySkill) {

  public ReplicationResult {
    utilisationByResource = Map.copyOf(utilisationByResource);
    utilisationBySkill = Map.copyOf(utilisationBySkill);
  }

  /** the value of a figure (see {@link Figure}), NaN when nothing was delivered */
  public double value(Figure figure) {
    return switch (figure) {
      case ON_TIME_DELIVERY -> percent(onTime, delivered);
      case RESPONSE_SLA_COMPLIANCE -> percent(responseMet, delivered);
      case RESOLUTION_SLA_COMPLIANCE -> percent(resolutionMet, delivered);
      case AVERAGE_CYCLE_TIME -> delivered == 0 ? Double.NaN : cycleHours / delivered;
      case AVERAGE_WAIT_FOR_STAFF -> delivered == 0 ? Double.NaN : waitHours / delivered;
      case UTILISATION -> utilisation * 100;
      case REQUESTS_DELIVERED -> delivered;
      case REQUESTS_ARRIVED -> arrivals;
    };
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? Double.NaN : 100.0 * part / whole;
  }
}
