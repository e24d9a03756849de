package io.servicedelivery.simulation;

import static io.servicedelivery.simulation.Models.SLA_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.servicedelivery.simulation.SimulationModel.Branches;
import io.servicedelivery.simulation.SimulationModel.Durations;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One replication of synthetic desks (see {@link Models}) whose outcome is known: exact figures of a desk without
 * randomness where they follow by hand, and the same random numbers for the same seed.
 */
class DeliverySimulationTest {

  @Test
  void aDeskWithoutRandomDurationsGivesTheFiguresThatFollowByHand() {
    // one arrival an hour on average, every step a fixed time, nobody waits (ten people for 1.5 h of work an hour)
    SimulationModel model = withFixedDurations(Models.desk(1, 10));

    ReplicationResult result = new DeliverySimulation(model, SLA_CLOCK).run(1, 0);

    // received -> planned 30 min -> executed 90 min -> reviewed 30 min -> closed 60 min: 3.5 h; response 30 <= 60 min,
    // resolution 150 <= 480 min, resolved 120 min after planning <= the planned 240 min
    assertThat(result.value(Figure.AVERAGE_CYCLE_TIME)).isCloseTo(3.5, within(1e-6));
    assertThat(result.value(Figure.AVERAGE_WAIT_FOR_STAFF)).isZero();
    assertThat(result.value(Figure.RESPONSE_SLA_COMPLIANCE)).isEqualTo(100.0);
    assertThat(result.value(Figure.RESOLUTION_SLA_COMPLIANCE)).isEqualTo(100.0);
    assertThat(result.value(Figure.ON_TIME_DELIVERY)).isEqualTo(100.0);
    // 28 days of one an hour on average: about 672 arrivals, each holding a person for 1.5 h of 10 people's time
    assertThat(result.arrivals()).isBetween(600, 750);
    assertThat(result.delivered()).isBetween(result.arrivals() - 10, result.arrivals() + 10);
    assertThat(result.utilisation()).isCloseTo(result.arrivals() * 1.5 / (28 * 24 * 10), within(0.01));
  }

  @Test
  void aTargetShorterThanTheWorkIsNeverMet() {
    SimulationModel model = withFixedDurations(Models.desk(1, 10));
    Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
    targets.put(Priority.HIGH, new SlaTarget(Priority.HIGH, 20, 100));
    model = withTargets(model, targets);

    ReplicationResult result = new DeliverySimulation(model, SLA_CLOCK).run(1, 0);

    assertThat(result.value(Figure.RESPONSE_SLA_COMPLIANCE)).isZero();
    assertThat(result.value(Figure.RESOLUTION_SLA_COMPLIANCE)).isZero();
  }

  @Test
  void theSameSeedAndReplicationGiveTheSameResultAndOtherReplicationsOtherOnes() {
    SimulationModel model = Models.desk(1, 2);
    DeliverySimulation simulation = new DeliverySimulation(model, SLA_CLOCK);

    ReplicationResult first = simulation.run(42, 0);

    assertThat(simulation.run(42, 0)).isEqualTo(first);
    assertThat(simulation.run(42, 1)).isNotEqualTo(first);
    assertThat(simulation.run(43, 0)).isNotEqualTo(first);
  }

  @Test
  void workCountsInThePersonsWorkingHours() {
    // the same desk with people working Monday to Friday 08:00-18:00 UTC: requests wait over nights and weekends
    SimulationModel aroundTheClock = withFixedDurations(Models.desk(0.2, 3));
    BusinessCalendar office =
        new BusinessCalendar(
            "OFFICE",
            "Office",
            java.time.ZoneOffset.UTC,
            false,
            Map.of(
                java.time.DayOfWeek.MONDAY, java.util.List.of(BusinessCalendar.WorkingHours.of("08:00", "18:00")),
                java.time.DayOfWeek.TUESDAY, java.util.List.of(BusinessCalendar.WorkingHours.of("08:00", "18:00")),
                java.time.DayOfWeek.WEDNESDAY, java.util.List.of(BusinessCalendar.WorkingHours.of("08:00", "18:00")),
                java.time.DayOfWeek.THURSDAY, java.util.List.of(BusinessCalendar.WorkingHours.of("08:00", "18:00")),
                java.time.DayOfWeek.FRIDAY, java.util.List.of(BusinessCalendar.WorkingHours.of("08:00", "18:00"))),
            java.util.List.of());
    Map<String, BusinessCalendar> calendars = new java.util.HashMap<>(aroundTheClock.calendars());
    calendars.put("OFFICE", office);
    SimulationModel officeHours =
        new SimulationModel(
            aroundTheClock.from(), aroundTheClock.to(), aroundTheClock.arrivals(), aroundTheClock.durations(),
            aroundTheClock.branches(), aroundTheClock.plannedLead(),
            aroundTheClock.staff().stream()
                .map(member -> new SimulationModel.StaffMember(member.userId(), member.skills(), 1, "OFFICE"))
                .toList(),
            aroundTheClock.services(), calendars);

    double always = new DeliverySimulation(aroundTheClock, SLA_CLOCK).run(1, 0).value(Figure.AVERAGE_CYCLE_TIME);
    double office9to5 = new DeliverySimulation(officeHours, SLA_CLOCK).run(1, 0).value(Figure.AVERAGE_CYCLE_TIME);

    assertThat(always).isCloseTo(3.5, within(1e-6));
    assertThat(office9to5).isGreaterThan(always + 5);
  }

  /** every step takes its middle sample, no branch is taken, every plan names a completion 240 min after planning */
  static SimulationModel withFixedDurations(SimulationModel model) {
    Map<Step, Durations> durations = new EnumMap<>(Step.class);
    durations.put(Step.PLAN_DELIVERY, Durations.of(30));
    durations.put(Step.EXECUTE, Durations.of(90));
    durations.put(Step.WAIT_FOR_CUSTOMER, Durations.of(120));
    durations.put(Step.CORRECTIVE_ACTION, Durations.of(45));
    durations.put(Step.REVIEW_QUALITY, Durations.of(30));
    durations.put(Step.CONFIRMATION, Durations.of(60));
    return new SimulationModel(
        model.from(), model.to(), model.arrivals(), durations, Branches.NONE,
        new SimulationModel.PlannedLead(1.0, new double[] {240}), model.staff(), model.services(),
        model.calendars());
  }

  static SimulationModel withTargets(SimulationModel model, Map<Priority, SlaTarget> targets) {
    return new SimulationModel(
        model.from(), model.to(), model.arrivals(), model.durations(), model.branches(), model.plannedLead(),
        model.staff(),
        Map.of(Models.SERVICE, new SimulationModel.ServiceTerms(Models.SERVICE, Models.SKILL, targets)),
        model.calendars());
  }
}
