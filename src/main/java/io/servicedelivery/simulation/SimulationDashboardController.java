package io.servicedelivery.simulation;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The what-if page of the dashboard ({@code /dashboard/simulation.html}) asks its questions here, with the signed-in
 * session and its CSRF token ({@code identity.DashboardSecurity}: operations managers only); the same question and
 * answer as {@code POST /api/simulations}.
 */
@RestController
@Hidden
class SimulationDashboardController {

  private final Simulations simulations;

  SimulationDashboardController(Simulations simulations) {
    this.simulations = simulations;
  }

  @PostMapping("/dashboard/api/simulations")
  SimulationAnswer simulate(@Valid @RequestBody SimulationQuestion question) {
    return simulations.answer(question);
  }
}
