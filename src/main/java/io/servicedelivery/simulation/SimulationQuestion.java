package io.servicedelivery.simulation;

import io.servicedelivery.sla.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A what-if question: simulate the period [from, to) as its history describes it (the baseline), and with the
 * changes (the prediction), over several replications with the same random numbers.
 */
@Schema(description = "A what-if question about a past period")
public record SimulationQuestion(
    @Schema(example = "2026-11-02T00:00:00Z") @NotNull Instant from,
    @Schema(example = "2026-11-30T00:00:00Z", description = "exclusive; at most 92 days after from") @NotNull
        Instant to,
    @Schema(example = "10", description = "1 to " + SimulationQuestion.MAX_REPLICATIONS + "; 10 when absent")
        @Min(1) @Max(MAX_REPLICATIONS) Integer replications,
    @Schema(example = "1", description = "the seed of the random numbers; the same question with the same seed "
        + "gives the same answer; 1 when absent") Long seed,
    @Valid Changes changes) {

  public static final int MAX_REPLICATIONS = 50;
  public static final int DEFAULT_REPLICATIONS = 10;

  public int replicationsOrDefault() {
    return replications == null ? DEFAULT_REPLICATIONS : replications;
  }

  public long seedOrDefault() {
    return seed == null ? 1 : seed;
  }

  public Changes changesOrNone() {
    return changes == null ? Changes.NONE : changes;
  }

  /**
   * What changes against the period as it was; every part is optional.
   *
   * @param addStaff people who join the pool
   * @param removeStaff user ids of people who leave it
   * @param staff changes of people of the pool, by user id
   * @param slaTargets changed SLA targets
   * @param steps changes of steps, by BPMN element id (Task_PlanDelivery, Task_ExecuteServiceActivities,
   *     Task_WaitForCustomer, Task_TakeCorrectiveAction, Task_ReviewQuality, Gateway_AwaitConfirmation)
   * @param arrivalsPercent more (or, negative, fewer) arrivals of every service and priority, in percent
   */
  @Schema(description = "What changes; every part is optional")
  public record Changes(
      @Valid List<NewStaff> addStaff,
      List<String> removeStaff,
      @Valid Map<String, StaffChange> staff,
      @Valid List<TargetChange> slaTargets,
      @Valid Map<String, StepChange> steps,
      @Schema(example = "20", description = "-100 to 1000") @Min(-100) @Max(1000) Double arrivalsPercent) {

    public static final Changes NONE = new Changes(null, null, null, null, null, null);
  }

  @Schema(description = "A person who joins the pool")
  public record NewStaff(
      @Schema(example = "extra1") @NotNull String userId,
      @Schema(example = "[\"network\"]") @NotNull List<String> skills,
      @Schema(example = "2") @NotNull @Min(1) @Max(100) Integer capacity,
      @Schema(example = "OFFICE_BERLIN", description = "a business calendar; OFFICE_BERLIN when absent")
          String workingCalendar) {}

  @Schema(description = "A change of a person of the pool; absent parts stay")
  public record StaffChange(
      @Schema(example = "4") @Min(1) @Max(100) Integer capacity,
      List<String> addSkills,
      List<String> removeSkills,
      @Schema(example = "24X7") String workingCalendar) {}

  @Schema(description = "A changed SLA target of a service and priority; absent parts stay")
  public record TargetChange(
      @Schema(example = "NETWORK_ACCESS") @NotNull String serviceCode,
      @Schema(example = "HIGH") @NotNull Priority priority,
      @Schema(example = "30") @Min(1) Integer responseMinutes,
      @Schema(example = "240") @Min(1) Integer resolutionMinutes,
      String responseCalendar,
      String resolutionCalendar) {}

  @Schema(description = "A change of a step")
  public record StepChange(
      @Schema(example = "0.8", description = "every duration of the step times this factor, 0 to 10")
          Double durationFactor,
      @Schema(example = "0.05", description = "Task_ReviewQuality only: the share of reviews that fail, 0 to 0.95")
          Double reworkRate) {}
}
