package io.servicedelivery.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;

/**
 * A migration of running instances of one process from one of its versions to another: what the operator asks to
 * validate, or to start.
 */
@Schema(description = "Running instances of a process to move from one deployed version to another")
public record MigrationRequest(
    @Schema(description = "The process key", example = "service-delivery") @NotBlank String processKey,
    @Schema(description = "The version the instances run on now", example = "1") @NotNull @Positive
        Integer sourceVersion,
    @Schema(description = "The version to move them to", example = "2") @NotNull @Positive Integer targetVersion,
    @Schema(description = "Mappings for activities whose id changed or that moved; activities with the same id in both"
            + " versions are mapped without one")
        List<@Valid @NotNull MigrationInstructionRequest> instructions,
    @Schema(description = "Variables every migrated instance gets: values a new version reads that the instances do"
            + " not have yet")
        Map<String, Object> variables,
    @Schema(description = "Only these instances (ids of process instances running on the source version); all of the"
            + " source version's instances when absent or empty")
        List<@NotBlank String> processInstanceIds) {

  public MigrationRequest {
    instructions = instructions == null ? List.of() : List.copyOf(instructions);
    variables = variables == null ? Map.of() : variables;
    processInstanceIds = processInstanceIds == null ? List.of() : List.copyOf(processInstanceIds);
  }

  /** One explicit mapping of the plan. */
  @Schema(description = "Maps an activity of the source version to one of the target version")
  public record MigrationInstructionRequest(
      @Schema(example = "Task_ExecuteServiceActivities") @NotBlank String sourceActivityId,
      @Schema(example = "Task_PerformServiceActivities") @NotBlank String targetActivityId,
      @Schema(description = "Whether a timer or message of the activity is computed again from the target version"
              + " (false: a timer keeps its due date)")
          boolean updateEventTrigger) {}
}
