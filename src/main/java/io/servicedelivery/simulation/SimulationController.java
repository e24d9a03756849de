package io.servicedelivery.simulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What-if questions for the operations managers: see {@code docs/simulation.md}. */
@RestController
@RequestMapping("/api/simulations")
@Tag(
    name = "Simulations",
    description = "What-if simulation of a past period: the period as it was (baseline) and with changes (predicted),"
        + " side by side with the actual figures, each with the mean and the 95% confidence half-width over the"
        + " replications. Nothing is stored: the same question with the same seed gives the same answer.")
@ApiResponse(responseCode = "400", description = "A field is invalid (period, replications, an unknown person, "
    + "service, calendar or step, a factor or rate out of range); errors names it")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
@ApiResponse(responseCode = "403", description = "Only operations managers ask what-if questions")
@ApiResponse(responseCode = "503", description = "All simulation slots are busy; ask again after Retry-After seconds")
class SimulationController {

  private final Simulations simulations;

  SimulationController(Simulations simulations) {
    this.simulations = simulations;
  }

  @PostMapping
  @Operation(summary = "Simulate a period as it was and with changes")
  @ApiResponse(responseCode = "200", description = "Actual, baseline and predicted figures, and the validation")
  SimulationAnswer simulate(@Valid @RequestBody SimulationQuestion question) {
    return simulations.answer(question);
  }
}
