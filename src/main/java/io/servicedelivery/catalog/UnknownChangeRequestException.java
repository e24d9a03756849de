package io.servicedelivery.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** There is no catalog change request with the requested id. */
public class UnknownChangeRequestException extends ErrorResponseException {

  public UnknownChangeRequestException(long id) {
    super(HttpStatus.NOT_FOUND, problem(id), null);
  }

  private static ProblemDetail problem(long id) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no catalog change request " + id + ".");
    problem.setTitle("Unknown change request");
    problem.setProperty("changeRequestId", id);
    return problem;
  }
}
