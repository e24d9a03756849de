package io.servicedelivery.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No service request has the id. */
public class RequestNotFoundException extends ErrorResponseException {

  public RequestNotFoundException(String requestId) {
    super(HttpStatus.NOT_FOUND, problem(requestId), null);
  }

  private static ProblemDetail problem(String requestId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no service request " + requestId + ".");
    problem.setTitle("Unknown service request");
    problem.setProperty("requestId", requestId);
    return problem;
  }
}
