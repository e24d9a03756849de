package io.servicedelivery.simulation;

import io.servicedelivery.simulation.SimulationModel.Arrivals;
import io.servicedelivery.simulation.SimulationModel.Branches;
import io.servicedelivery.simulation.SimulationModel.Durations;
import io.servicedelivery.simulation.SimulationModel.PlannedLead;
import io.servicedelivery.simulation.SimulationModel.ServiceTerms;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Synthetic models of a small desk for the simulation's tests: one service (NETWORK_ACCESS, skill network) at HIGH
 * priority, around the clock, with fixed duration samples, so that the tests know what to expect.
 */
final class Models {

  static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  static final Instant TO = Instant.parse("2026-03-30T00:00:00Z");
  static final String SERVICE = "NETWORK_ACCESS";
  static final String SKILL = "network";

  /** SLA arithmetic does not look at the clock; a fixed one all the same, as the application's tests do */
  static final SlaClock SLA_CLOCK = new SlaClock(Clock.fixed(FROM, ZoneOffset.UTC));

  private Models() {}

  /**
   * @param arrivalsPerHour the same rate in every hour of the week
   * @param staff people with the skill, capacity 1 each, around the clock
   */
  static SimulationModel desk(double arrivalsPerHour, int staff) {
    double[] rates = new double[SimulationModel.HOURS_PER_WEEK];
    Arrays.fill(rates, arrivalsPerHour);
    Map<Step, Durations> durations = new EnumMap<>(Step.class);
    durations.put(Step.PLAN_DELIVERY, Durations.of(10, 20, 30, 40, 50));
    durations.put(Step.EXECUTE, Durations.of(60, 90, 120, 150, 180));
    durations.put(Step.WAIT_FOR_CUSTOMER, Durations.of(120, 240));
    durations.put(Step.CORRECTIVE_ACTION, Durations.of(30, 60));
    durations.put(Step.REVIEW_QUALITY, Durations.of(20, 40));
    durations.put(Step.CONFIRMATION, Durations.of(60, 120, 180));
    List<StaffMember> people =
        java.util.stream.IntStream.rangeClosed(1, staff)
            .mapToObj(i -> new StaffMember("staff" + i, Set.of(SKILL), 1, BusinessCalendar.TWENTY_FOUR_SEVEN))
            .toList();
    Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
    targets.put(Priority.HIGH, new SlaTarget(Priority.HIGH, 60, 480));
    return new SimulationModel(
        FROM,
        TO,
        List.of(new Arrivals(SERVICE, Priority.HIGH, rates)),
        durations,
        new Branches(0.1, 0.1, 0.1, 0.05),
        new PlannedLead(1.0, new double[] {240, 360, 480}),
        people,
        Map.of(SERVICE, new ServiceTerms(SERVICE, SKILL, targets)),
        Map.of(BusinessCalendar.TWENTY_FOUR_SEVEN, BusinessCalendar.AROUND_THE_CLOCK));
  }
}
