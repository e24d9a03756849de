package io.servicedelivery.simulation;

import io.servicedelivery.records.DeliveryOutcomes;
import io.servicedelivery.records.DeliveryOutcomes.Counts;
import io.servicedelivery.records.DeliveryOutcomes.Selection;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actual figures of a period to hold the simulation against. The key figures come from the read model the KPIs of
 * {@code metrics} are computed from ({@link DeliveryOutcomes}: the same statements, the same definitions, the value
 * = numerator / denominator); the simulation's own figures (utilisation, wait for staff) from the reservations of the
 * resource pool, in two statements.
 */
@Component
class ActualFigures {

  /**
   * @param figures by figure; NaN where the period has no value (nothing delivered)
   * @param utilisationByResource the share of each person's capacity held in the period (0 to 1)
   * @param utilisationBySkill of the people with the skill
   */
  record Actual(Map<Figure, Double> figures, Map<String, Double> utilisationByResource,
      Map<String, Double> utilisationBySkill) {}

  private final DeliveryOutcomes deliveryOutcomes;
  private final JdbcClient jdbc;

  ActualFigures(DeliveryOutcomes deliveryOutcomes, JdbcClient jdbc) {
    this.deliveryOutcomes = deliveryOutcomes;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Actual of(Instant from, Instant to, List<StaffMember> staff) {
    Counts counts = deliveryOutcomes.counts(from, to, Selection.ALL);
    Duration cycleTime = deliveryOutcomes.cycleTime(from, to, Selection.ALL);
    Map<String, Object> period = Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));

    Map<String, Double> heldMinutes = new HashMap<>();
    jdbc.sql(
            """
            select v.user_id, v.reserved_at, v.released_at from resource_reservation v
            where v.reserved_at < :to and (v.released_at is null or v.released_at > :from)""")
        .params(period)
        .query(rs -> {
          Instant start = max(rs.getTimestamp("reserved_at").toInstant(), from);
          Timestamp released = rs.getTimestamp("released_at");
          Instant end = released == null ? to : min(released.toInstant(), to);
          if (end.isAfter(start)) {
            heldMinutes.merge(rs.getString("user_id"), Duration.between(start, end).toSeconds() / 60.0, Double::sum);
          }
        });
    double[] waits = new double[2];
    jdbc.sql(
            """
            select r.planned_at, min(v.reserved_at) as reserved_at
            from service_delivery_record r join resource_reservation v on v.request_id = r.request_id
            where r.outcome = 'CLOSED' and r.closed_at >= :from and r.closed_at < :to and r.planned_at is not null
            group by r.request_id, r.planned_at""")
        .params(period)
        .query(rs -> {
          Duration wait =
              Duration.between(rs.getTimestamp("planned_at").toInstant(), rs.getTimestamp("reserved_at").toInstant());
          waits[0] += Math.max(0, wait.toSeconds()) / 3600.0;
        });

    double periodMinutes = Duration.between(from, to).toSeconds() / 60.0;
    Map<String, Double> byResource = new TreeMap<>();
    Map<String, double[]> bySkill = new TreeMap<>();
    double held = 0;
    double capacity = 0;
    for (StaffMember member : staff) {
      double available = member.capacity() * periodMinutes;
      double minutes = heldMinutes.getOrDefault(member.userId(), 0.0);
      byResource.put(member.userId(), minutes / available);
      held += minutes;
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
    figures.put(Figure.AVERAGE_WAIT_FOR_STAFF, delivered == 0 ? Double.NaN : waits[0] / delivered);
    figures.put(Figure.UTILISATION, capacity == 0 ? Double.NaN : 100 * held / capacity);
    figures.put(Figure.REQUESTS_DELIVERED, (double) delivered);
    figures.put(
        Figure.REQUESTS_ARRIVED,
        jdbc.sql("select count(*) from service_delivery_record r where r.received_at >= :from and r.received_at < :to")
            .params(period)
            .query(Long.class)
            .single()
            .doubleValue());
    return new Actual(figures, byResource, bySkillShare);
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? Double.NaN : 100.0 * part / whole;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
