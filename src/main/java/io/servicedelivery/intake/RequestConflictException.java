package io.servicedelivery.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request cannot do what was asked in the state it is in, e.g. cancel a closed request: 409. */
public class RequestConflictException extends ErrorResponseException {

  public RequestConflictException(String requestId, String detail) {
    super(HttpStatus.CONFLICT, problem(requestId, detail), null);
  }

  private static ProblemDetail problem(String requestId, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Not possible in the request's state");
    problem.setProperty("requestId", requestId);
    return problem;
  }
}
