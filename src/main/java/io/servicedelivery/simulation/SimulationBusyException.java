package io.servicedelivery.simulation;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * All simulation slots are taken: 503 with {@code Retry-After}, rendered as a problem like every other error. The
 * question is not queued, so that many managers asking at once make no pile of waiting threads.
 */
class SimulationBusyException extends ErrorResponseException {

  SimulationBusyException(int slots, Duration retryAfter) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(slots), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
  }

  private static ProblemDetail problem(int slots) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE,
        "All " + slots + " simulation slots are busy with other questions; ask again after the time in Retry-After.");
    problem.setTitle("Simulations busy");
    return problem;
  }
}
