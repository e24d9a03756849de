package io.servicedelivery.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.servicedelivery.simulation.SimulationQuestion.Changes;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The bounds of the service: the period, and the slots of questions at once. */
class SimulationsTest {

  @Test
  void aQuestionBeyondTheSlotsIsRefusedWith503AndRetryAfter() {
    Simulations simulations = new Simulations(null, null, Models.SLA_CLOCK, 0, 1);
    try {
      SimulationBusyException busy = catchThrowableOfType(SimulationBusyException.class,
          () -> simulations.answer(new SimulationQuestion(Models.FROM, Models.TO, 1, 1L, Changes.NONE)));

      assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
      assertThat(busy.getBody().getDetail()).contains("All 0 simulation slots are busy");
    } finally {
      simulations.stop();
    }
  }
}
