package io.servicedelivery.simulation;

import static io.servicedelivery.simulation.Models.SLA_CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.simulation.ActualFigures.Actual;
import io.servicedelivery.simulation.SimulationAnswer.Estimate;
import io.servicedelivery.simulation.SimulationAnswer.FigureComparison;
import io.servicedelivery.simulation.SimulationQuestion.Changes;
import io.servicedelivery.simulation.SimulationQuestion.NewStaff;
import io.servicedelivery.simulation.SimulationQuestion.StepChange;
import io.servicedelivery.simulation.SimulationQuestion.TargetChange;
import io.servicedelivery.sla.Priority;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What-if questions about a busy synthetic desk (two people, each request holding one of them about 3 hours, one request every two hours, see {@link Models}):
 * the predicted figures move in the direction the change must move them, by more than the uncertainty of both, over
 * 10 replications with the same random numbers.
 */
class WhatIfTest {

  private static final Actual NO_ACTUALS = new Actual(Map.of(), Map.of(), Map.of());

  private final Simulations simulations = new Simulations(null, null, SLA_CLOCK, 2, 2);

  @AfterEach
  void stopThreads() {
    simulations.stop();
  }

  @Test
  void morePeopleShortenTheWaitForStaff() {
    SimulationAnswer answer =
        ask(new Changes(List.of(new NewStaff("extra1", List.of("network"), 1, "24X7")), null, null, null, null, null));

    assertLower(answer, Figure.AVERAGE_WAIT_FOR_STAFF);
    assertLower(answer, Figure.AVERAGE_CYCLE_TIME);
    assertLower(answer, Figure.UTILISATION);
    assertThat(answer.resources()).extracting(SimulationAnswer.ShareComparison::name)
        .containsExactly("extra1", "staff1", "staff2");
    assertThat(answer.resources().get(0).baseline().mean()).isNull();
    assertThat(answer.resources().get(0).predicted().mean()).isPositive();
  }

  @Test
  void fewerPeopleLengthenTheWaitForStaff() {
    SimulationAnswer answer = ask(3, new Changes(null, List.of("staff3"), null, null, null, null));

    assertHigher(answer, Figure.AVERAGE_WAIT_FOR_STAFF);
  }

  @Test
  void aTighterSlaLowersCompliance() {
    SimulationAnswer answer =
        ask(new Changes(null, null, null,
            List.of(new TargetChange("NETWORK_ACCESS", Priority.HIGH, 30, 240, null, null)), null, null));

    assertLower(answer, Figure.RESPONSE_SLA_COMPLIANCE);
    assertLower(answer, Figure.RESOLUTION_SLA_COMPLIANCE);
    // the work does not change
    assertThat(estimate(answer, Figure.AVERAGE_CYCLE_TIME, true))
        .isEqualTo(estimate(answer, Figure.AVERAGE_CYCLE_TIME, false));
  }

  @Test
  void moreArrivalsRaiseTheUtilisation() {
    SimulationAnswer answer = ask(new Changes(null, null, null, null, null, 20.0));

    assertHigher(answer, Figure.UTILISATION);
    assertHigher(answer, Figure.REQUESTS_ARRIVED);
    // near full utilisation the waits vary much between replications: higher, but not beyond the uncertainty
    assertThat(estimate(answer, Figure.AVERAGE_WAIT_FOR_STAFF, false).mean())
        .isGreaterThan(estimate(answer, Figure.AVERAGE_WAIT_FOR_STAFF, true).mean());
  }

  @Test
  void moreReworkLengthensTheCycleTime() {
    SimulationAnswer answer =
        ask(new Changes(null, null, null, null, Map.of("Task_ReviewQuality", new StepChange(null, 0.4)), null));

    assertHigher(answer, Figure.AVERAGE_CYCLE_TIME);
  }

  @Test
  void aFasterExecutionShortensTheCycleTimeAndRaisesOnTimeDelivery() {
    SimulationAnswer answer =
        ask(new Changes(null, null, null, null,
            Map.of("Task_ExecuteServiceActivities", new StepChange(0.5, null)), null));

    assertLower(answer, Figure.AVERAGE_CYCLE_TIME);
    assertHigher(answer, Figure.ON_TIME_DELIVERY);
  }

  @Test
  void withoutChangesThePredictionIsTheBaseline() {
    SimulationAnswer answer = ask(Changes.NONE);

    for (FigureComparison figure : answer.figures()) {
      assertThat(figure.predicted()).isEqualTo(figure.baseline());
    }
    assertThat(answer.replications()).isEqualTo(10);
    assertThat(answer.figures()).extracting(FigureComparison::key)
        .containsExactly("onTimeDelivery", "responseSlaCompliance", "resolutionSlaCompliance", "averageCycleTime",
            "averageWaitForStaff", "utilisation", "requestsDelivered", "requestsArrived");
  }

  @Test
  void theSameQuestionGivesTheSameAnswer() {
    Changes changes = new Changes(null, null, null, null, null, 10.0);

    assertThat(ask(changes)).isEqualTo(ask(changes));
  }

  private SimulationAnswer ask(Changes changes) {
    return ask(2, changes);
  }

  private SimulationAnswer ask(int staff, Changes changes) {
    SimulationModel model = Models.desk(0.5, staff);
    SimulationQuestion question = new SimulationQuestion(Models.FROM, Models.TO, 10, 7L, changes);
    return simulations.answer(question, 0, model, ModelChanges.apply(model, changes), NO_ACTUALS);
  }

  private static void assertLower(SimulationAnswer answer, Figure figure) {
    Estimate baseline = estimate(answer, figure, true);
    Estimate predicted = estimate(answer, figure, false);
    assertThat(predicted.mean())
        .as(figure.key() + ": predicted " + predicted + " below baseline " + baseline + " beyond the uncertainty")
        .isLessThan(baseline.mean() - baseline.halfWidth() - predicted.halfWidth());
  }

  private static void assertHigher(SimulationAnswer answer, Figure figure) {
    Estimate baseline = estimate(answer, figure, true);
    Estimate predicted = estimate(answer, figure, false);
    assertThat(predicted.mean())
        .as(figure.key() + ": predicted " + predicted + " above baseline " + baseline + " beyond the uncertainty")
        .isGreaterThan(baseline.mean() + baseline.halfWidth() + predicted.halfWidth());
  }

  private static Estimate estimate(SimulationAnswer answer, Figure figure, boolean baseline) {
    FigureComparison comparison =
        answer.figures().stream().filter(f -> f.key().equals(figure.key())).findFirst().orElseThrow();
    return baseline ? comparison.baseline() : comparison.predicted();
  }
}
