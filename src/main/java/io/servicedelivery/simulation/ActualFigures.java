package io.servicedelivery.simulation;

import io.servicedelivery.records.DeliveryOutcomes;
import io.servicedelivery.records.DeliveryOutcomes.Counts;
import io.servicedelivery.records.DeliveryOutcomes.Selection;
import io.servicedelivery.resourcing.ReservationHistory;
import io.servicedelivery.simulation.History.Delivery;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actual figures of a period to hold the simulation against. The key figures come from the read model the KPIs of
 * {@code metrics} are computed from ({@link DeliveryOutcomes}: the same statements, the same definitions, value =
 * numerator / denominator); utilisation and the wait for staff, which the KPIs do not have, from the reservations of
 * the resource pool ({@link ReservationHistory}).
 */
@Component
class ActualFigures {

  /** how far before the period the first reservation of a request delivered in it is looked for */
  static final Duration RESERVATION_LOOKBACK = Duration.ofDays(92);

  /**
   * @param figures by figure; NaN where the period has no value (nothing delivered)
   * @param utilisationByResource the share of each person's capacity held in the period (0 to 1)
   * @param utilisationBySkill of the people with the skill
   */
  record Actual(
      Map<Figure, Double> figures, Map<String, Double> utilisationByResource, Map<String, Double> utilisationBySkill) {}

  private final DeliveryOutcomes deliveryOutcomes;
  private final ReservationHistory reservations;

  ActualFigures(DeliveryOutcomes deliveryOutcomes, ReservationHistory reservations) {
    this.deliveryOutcomes = deliveryOutcomes;
    this.reservations = reservations;
  }

  /** @param history the period's history (its deliveries and pool) as {@link HistoryReader} read it */
  @Transactional(readOnly = true)
  public Actual of(History history) {
    Instant from = history.from();
    Instant to = history.to();
    Counts counts = deliveryOutcomes.counts(from, to, Selection.ALL);
    Duration cycleTime = deliveryOutcomes.cycleTime(from, to, Selection.ALL);
    Map<String, Duration> held = reservations.heldByPerson(from, to);
    Map<String, Instant> firstReserved = reservations.firstReservations(from.minus(RESERVATION_LOOKBACK), to);

    double waitHours = 0;
    for (Delivery delivery : history.deliveries()) {
      Instant reserved = firstReserved.get(delivery.requestId());
      if (reserved != null && delivery.plannedAt() != null && reserved.isAfter(delivery.plannedAt())) {
        waitHours += Duration.between(delivery.plannedAt(), reserved).toSeconds() / 3600.0;
      }
    }
    double periodMinutes = Duration.between(from, to).toSeconds() / 60.0;
    Map<String, Double> byResource = new TreeMap<>();
    Map<String, double[]> bySkill = new TreeMap<>();
    double heldMinutes = 0;
    double capacity = 0;
    for (StaffMember member : history.staff()) {
      double available = member.capacity() * periodMinutes;
      double minutes = held.getOrDefault(member.userId(), Duration.ZERO).toSeconds() / 60.0;
      byResource.put(member.userId(), minutes / available);
      heldMinutes += minutes;
      capacity += available;
      for (String skill : member.skills()) {
        double[] sums = bySkill.computeIfAbsent(skill, s -> new double[2]);
        sums[0] += minutes;
        sums[1] += available;
      }
    }
    Map<String, Double> bySkillShare = new TreeMap<>();
    bySkill.forEach((skill, sums) -> bySkillShare.put(skill, sums[0] / sums[1]));

    long delivered = counts.delivered();
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    figures.put(Figure.ON_TIME_DELIVERY, percent(counts.onTime(), delivered));
    figures.put(Figure.RESPONSE_SLA_COMPLIANCE, percent(counts.responseMet(), counts.responseJudged()));
    figures.put(Figure.RESOLUTION_SLA_COMPLIANCE, percent(counts.resolutionMet(), delivered));
    figures.put(Figure.AVERAGE_CYCLE_TIME, delivered == 0 ? Double.NaN : cycleTime.toSeconds() / 3600.0 / delivered);
    figures.put(Figure.AVERAGE_WAIT_FOR_STAFF,
        history.deliveries().isEmpty() ? Double.NaN : waitHours / history.deliveries().size());
    figures.put(Figure.UTILISATION, capacity == 0 ? Double.NaN : 100 * heldMinutes / capacity);
    figures.put(Figure.REQUESTS_DELIVERED, (double) delivered);
    figures.put(Figure.REQUESTS_ARRIVED, (double) history.arrivals().size());
    return new Actual(figures, byResource, bySkillShare);
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? Double.NaN : 100.0 * part / whole;
  }
}
