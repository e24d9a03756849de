package io.servicedelivery.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Elements;
import io.servicedelivery.simulation.History.Arrival;
import io.servicedelivery.simulation.History.Delivery;
import io.servicedelivery.simulation.History.Pass;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.BusinessCalendar.WorkingHours;
import io.servicedelivery.sla.Priority;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the model takes from a small history whose every number is known. */
class ModelBuilderTest {

  /** two weeks from Monday 2026-03-02 00:00 UTC */
  private static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-03-16T00:00:00Z");

  private static final BusinessCalendar OFFICE =
      new BusinessCalendar("OFFICE", "Office", ZoneId.of("Europe/Berlin"), false,
          Map.of(DayOfWeek.MONDAY, List.of(WorkingHours.of("08:00", "18:00")),
              DayOfWeek.FRIDAY, List.of(WorkingHours.of("08:00", "18:00"))),
          List.of());

  @Test
  void arrivalsPerHourOfTheWeekDurationsInWorkingTimeAndBranchesPerPass() {
    History history = new History(
        FROM,
        TO,
        List.of(
            // Monday 09:xx UTC in both weeks, and once on Tuesday 14:xx
            new Arrival(Instant.parse("2026-03-02T09:10:00Z"), "NETWORK_ACCESS", Priority.HIGH),
            new Arrival(Instant.parse("2026-03-09T09:50:00Z"), "NETWORK_ACCESS", Priority.HIGH),
            new Arrival(Instant.parse("2026-03-03T14:00:00Z"), "NETWORK_ACCESS", Priority.HIGH),
            new Arrival(Instant.parse("2026-03-03T14:30:00Z"), "DATA_RECOVERY", Priority.LOW)),
        List.of(
            // from Friday 17:00 to Monday 09:00 Berlin time: one hour on Friday, one on Monday
            new Pass(Elements.EXECUTE_SERVICE_ACTIVITIES, "NETWORK_ACCESS", Priority.HIGH,
                Instant.parse("2026-03-06T16:00:00Z"), Instant.parse("2026-03-09T08:00:00Z"), "office1"),
            // somebody not in the pool (any more): wall-clock time
            new Pass(Elements.EXECUTE_SERVICE_ACTIVITIES, "NETWORK_ACCESS", Priority.HIGH,
                Instant.parse("2026-03-03T10:00:00Z"), Instant.parse("2026-03-03T13:00:00Z"), "left"),
            new Pass(Elements.WAIT_FOR_CUSTOMER, "NETWORK_ACCESS", Priority.HIGH,
                Instant.parse("2026-03-03T13:00:00Z"), Instant.parse("2026-03-03T15:00:00Z"), null),
            new Pass(Elements.PLAN_DELIVERY, "NETWORK_ACCESS", Priority.HIGH,
                Instant.parse("2026-03-03T09:00:00Z"), Instant.parse("2026-03-03T09:30:00Z"), "coordinator"),
            new Pass("Task_ReviewQuality", "NETWORK_ACCESS", Priority.HIGH,
                Instant.parse("2026-03-03T16:00:00Z"), Instant.parse("2026-03-03T16:20:00Z"), "qa"),
            new Pass("Task_ReviewQuality", "NETWORK_ACCESS", Priority.HIGH,
                Instant.parse("2026-03-09T10:00:00Z"), Instant.parse("2026-03-09T10:40:00Z"), "qa"),
            new Pass(Elements.REGISTER_REWORK, "NETWORK_ACCESS", Priority.HIGH,
                Instant.parse("2026-03-03T16:20:00Z"), Instant.parse("2026-03-03T16:20:00Z"), null),
            new Pass(Elements.RESOLVE_REQUEST, "NETWORK_ACCESS", Priority.HIGH,
                Instant.parse("2026-03-09T10:40:00Z"), Instant.parse("2026-03-09T10:40:00Z"), null)),
        List.of(new Delivery("SR-1", "NETWORK_ACCESS", Priority.HIGH, Instant.parse("2026-03-03T08:00:00Z"),
                Instant.parse("2026-03-03T09:30:00Z"), Instant.parse("2026-03-03T13:30:00Z"),
                Instant.parse("2026-03-09T10:40:00Z"), Instant.parse("2026-03-09T12:40:00Z")),
            new Delivery("SR-2", "NETWORK_ACCESS", Priority.HIGH, Instant.parse("2026-03-04T08:00:00Z"),
                Instant.parse("2026-03-04T09:00:00Z"), null,
                Instant.parse("2026-03-04T12:00:00Z"), Instant.parse("2026-03-04T13:00:00Z"))),
        List.of(new StaffMember("office1", Set.of("network"), 2, "OFFICE")),
        Map.of(),
        Map.of("OFFICE", OFFICE));

    SimulationModel model = ModelBuilder.build(history, Models.SLA_CLOCK);

    // Monday 09:00 UTC is hour 9 of the week and occurs twice in the period: two arrivals, one an hour there
    SimulationModel.Arrivals network = model.arrivals().get(1);
    assertThat(network.serviceCode()).isEqualTo("NETWORK_ACCESS");
    assertThat(network.ratePerHour()[9]).isEqualTo(1.0);
    assertThat(network.ratePerHour()[24 + 14]).isEqualTo(0.5);
    assertThat(network.ratePerHour()[10]).isZero();
    assertThat(network.perWeek()).isEqualTo(1.5);
    assertThat(model.arrivals().get(0).serviceCode()).isEqualTo("DATA_RECOVERY");
    assertThat(model.arrivalsPerWeek()).isEqualTo(2.0);

    assertThat(model.durations().get(Step.EXECUTE).all()).containsExactly(120.0, 180.0);
    assertThat(model.durations().get(Step.PLAN_DELIVERY).byKey()).containsOnlyKeys("HIGH");
    assertThat(model.durations().get(Step.REVIEW_QUALITY).all()).containsExactly(20.0, 40.0);
    assertThat(model.durations().get(Step.CONFIRMATION).all()).containsExactly(60.0, 120.0);
    assertThat(model.durations().get(Step.CORRECTIVE_ACTION).all()).isEmpty();

    // per execution pass: one customer wait of two; per review: one rework of two; no reopening
    assertThat(model.branches()).isEqualTo(new SimulationModel.Branches(0.5, 0, 0.5, 0));
    // one of the two plans named a completion, four hours after planning
    assertThat(model.plannedLead().share()).isEqualTo(0.5);
    assertThat(model.plannedLead().minutes()).containsExactly(240.0);
  }
}
