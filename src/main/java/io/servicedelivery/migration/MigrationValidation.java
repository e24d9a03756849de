package io.servicedelivery.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a migration from one version to another would do: the engine's plan and its verdict on it, the instances per
 * current activity, and for each instance whether it can move and if not why.
 */
@Schema(description = "The migration plan, its validation, and for every running instance whether it can move")
public record MigrationValidation(
    String processKey,
    ProcessVersion source,
    ProcessVersion target,
    @Schema(description = "Whether the engine accepts the plan; if not, planFailures says why") boolean planValid,
    @Schema(description = "The engine's reasons against the plan, one sentence each") List<String> planFailures,
    @Schema(description = "The plan: which activity of the source maps to which of the target")
        List<PlannedInstruction> instructions,
    @Schema(description = "Variables the target version reads that the source version does not (from the"
            + " expressions of the target model), and whether the plan gives them a value")
        List<RequiredVariable> requiredVariables,
    @Schema(description = "Per activity of the source version: how many instances wait there and how many can move")
        List<ActivityInstances> activities,
    @Schema(description = "Every running instance of the source version") List<InstanceCheck> instances,
    @Schema(description = "How many instances can move") long migratable) {

  /** source activity → target activity, as the engine's plan has it */
  public record PlannedInstruction(
      String sourceActivityId, String sourceActivityName, String targetActivityId, String targetActivityName,
      boolean updateEventTrigger) {}

  /** a variable the target version reads that the source version never read */
  public record RequiredVariable(
      String name,
      @Schema(description = "The element of the target version whose expression reads it") String elementId,
      @Schema(description = "Whether the request's variables give it a value for every instance") boolean givenByPlan) {}

  public record ActivityInstances(
      String activityId,
      String activityName,
      @Schema(description = "Whether the plan maps the activity to the target version") boolean mapped,
      long instances,
      long migratable) {}

  public record InstanceCheck(
      String processInstanceId,
      @Schema(description = "The business key: the request id of a service request") String businessKey,
      @Schema(description = "The activities the instance waits at") List<String> activityIds,
      boolean canMove,
      @Schema(description = "Why it cannot move, one sentence each") List<String> reasons) {}
}
