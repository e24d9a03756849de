package io.servicedelivery.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.simulation.SimulationQuestion.Changes;
import io.servicedelivery.simulation.SimulationQuestion.NewStaff;
import io.servicedelivery.simulation.SimulationQuestion.StaffChange;
import io.servicedelivery.simulation.SimulationQuestion.StepChange;
import io.servicedelivery.simulation.SimulationQuestion.TargetChange;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.web.InvalidParametersException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The changes of a what-if question, applied to a copy of the model, or refused naming each invalid field. */
class ModelChangesTest {

  private final SimulationModel model = Models.desk(1, 2);

  @Test
  void changesApplyToACopy() {
    SimulationModel changed = ModelChanges.apply(model, new Changes(
        List.of(new NewStaff("extra1", List.of("Network", "storage"), 2, "24X7")),
        List.of("staff2"),
        Map.of("staff1", new StaffChange(3, List.of("software"), List.of("network"), null)),
        List.of(new TargetChange("NETWORK_ACCESS", Priority.HIGH, null, 240, null, null)),
        Map.of("Task_ExecuteServiceActivities", new StepChange(0.5, null),
            "Task_ReviewQuality", new StepChange(null, 0.3)),
        50.0));

    assertThat(changed.staff()).containsExactly(
        new StaffMember("staff1", java.util.Set.of("software"), 3, "24X7"),
        new StaffMember("extra1", java.util.Set.of("network", "storage"), 2, "24X7"));
    assertThat(changed.services().get("NETWORK_ACCESS").targets().get(Priority.HIGH).resolutionMinutes())
        .isEqualTo(240);
    assertThat(changed.services().get("NETWORK_ACCESS").targets().get(Priority.HIGH).responseMinutes())
        .isEqualTo(60);
    assertThat(changed.durations().get(Step.EXECUTE).factor()).isEqualTo(0.5);
    assertThat(changed.branches().rework()).isEqualTo(0.3);
    assertThat(changed.arrivalsPerWeek()).isEqualTo(model.arrivalsPerWeek() * 1.5);
    // the model asked about stays as it was
    assertThat(model.arrivalsPerWeek()).isEqualTo(168.0);
    assertThat(model.staff()).hasSize(2);
    assertThat(model.durations().get(Step.EXECUTE).factor()).isEqualTo(1.0);
  }

  @Test
  void everyInvalidChangeIsNamed() {
    InvalidParametersException refused = catchThrowableOfType(InvalidParametersException.class,
        () -> ModelChanges.apply(model, new Changes(
            List.of(new NewStaff("staff1", List.of("network"), 1, null),
                new NewStaff("extra2", List.of("network"), 1, "NOWHERE")),
            List.of("ghost"),
            Map.of("nobody", new StaffChange(2, null, null, null),
                "staff1", new StaffChange(null, null, List.of("cooking"), null)),
            List.of(new TargetChange("TIME_TRAVEL", Priority.HIGH, 10, 20, null, null),
                new TargetChange("NETWORK_ACCESS", Priority.LOW, 10, 20, null, null),
                new TargetChange("NETWORK_ACCESS", Priority.HIGH, 120, 90, null, null)),
            Map.of("Task_MakeCoffee", new StepChange(2.0, null)),
            null)));

    assertThat(refused.getMessage())
        .contains("InvalidField[field=changes.removeStaff[0], message=is not a person of the pool: 'ghost']")
        .contains("InvalidField[field=changes.staff.nobody, message=is not a person of the pool: 'nobody']")
        .contains("InvalidField[field=changes.staff.staff1.removeSkills, message='staff1' has no skill 'cooking']")
        .contains("InvalidField[field=changes.addStaff[0].userId, message=must be new to the pool: 'staff1']")
        .contains("InvalidField[field=changes.addStaff[1].workingCalendar, "
            + "message=is not a business calendar: 'NOWHERE']")
        .contains("InvalidField[field=changes.slaTargets[0].serviceCode, "
            + "message=is not a service of the catalog: 'TIME_TRAVEL']")
        .contains("InvalidField[field=changes.slaTargets[1].priority, "
            + "message=the service has no SLA target for LOW]")
        .contains("InvalidField[field=changes.slaTargets[2].resolutionMinutes, "
            + "message=must be greater than the response time of 120 minutes]")
        .contains("InvalidField[field=changes.steps.Task_MakeCoffee, message=is not a step of the simulation");
  }

  @Test
  void factorsAndRatesOutOfRangeAreRefused() {
    InvalidParametersException refused = catchThrowableOfType(InvalidParametersException.class,
        () -> ModelChanges.apply(model, new Changes(null, null, null, null,
            Map.of("Task_PlanDelivery", new StepChange(-1.0, 0.1),
                "Task_ReviewQuality", new StepChange(11.0, 0.99)),
            null)));

    assertThat(refused.getMessage())
        .contains("InvalidField[field=changes.steps.Task_PlanDelivery.durationFactor, message=must be from 0 to 10.0]")
        .contains("InvalidField[field=changes.steps.Task_PlanDelivery.reworkRate, "
            + "message=only Task_ReviewQuality sends work back (rework)]")
        .contains("InvalidField[field=changes.steps.Task_ReviewQuality.durationFactor, message=must be from 0 to 10.0]")
        .contains("InvalidField[field=changes.steps.Task_ReviewQuality.reworkRate, message=must be from 0 to 0.95]");
  }
}
