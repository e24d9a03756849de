package io.servicedelivery.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.servicedelivery.metrics.KpiUnit;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to a what-if question: each figure as it actually was, as the simulation of the period as it was gives
 * it (baseline) and as the simulation with the changes predicts it, with the mean and the half-width of the 95%
 * confidence interval (Student t) over the replications; and how close the baseline comes to the actual figures.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "Current (actual and simulated) and predicted figures of a what-if question")
public record SimulationAnswer(
    Instant from,
    Instant to,
    int replications,
    long seed,
    ModelSummary model,
    List<FigureComparison> figures,
    List<ShareComparison> resources,
    List<ShareComparison> skills,
    Validation validation) {

  /** A simulated figure over the replications: its mean and the half-width of its 95% confidence interval. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Estimate(
      @Schema(nullable = true) Double mean, @Schema(nullable = true) Double halfWidth) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record FigureComparison(
      @Schema(example = "onTimeDelivery") String key,
      String label,
      KpiUnit unit,
      @Schema(nullable = true, description = "the period's actual figure; null when it has none") Double actual,
      Estimate baseline,
      Estimate predicted) {}

  /** the utilisation (percent of capacity held by requests) of a person or a skill */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ShareComparison(
      String name, @Schema(nullable = true) Double actual, Estimate baseline, Estimate predicted) {}

  /**
   * What the model was derived from.
   *
   * @param arrivalsPerWeek expected arrivals per week, before the changes
   * @param samples observed durations per step id
   * @param branches branch probabilities: customerWait, correctiveAction, rework, reopen
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ModelSummary(
      int requestsReceived,
      double arrivalsPerWeek,
      int staff,
      Map<String, Integer> samples,
      Map<String, Double> branches) {}

  /**
   * How close the simulation of the period as it was comes to its actual figures.
   *
   * @param withinTolerance every figure with an actual value is within its tolerance
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Validation(boolean withinTolerance, List<ValidatedFigure> figures) {}

  /**
   * @param difference simulated mean minus actual
   * @param tolerance the largest difference accepted, in the figure's unit (percentage points, hours: a share of the
   *     actual value)
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ValidatedFigure(
      String key,
      @Schema(nullable = true) Double actual,
      @Schema(nullable = true) Double simulated,
      @Schema(nullable = true) Double difference,
      double tolerance,
      boolean withinTolerance) {}
}
