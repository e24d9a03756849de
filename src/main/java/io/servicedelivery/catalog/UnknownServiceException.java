package io.servicedelivery.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The catalog has no service with the requested code. */
public class UnknownServiceException extends ErrorResponseException {

  public UnknownServiceException(String code) {
    super(HttpStatus.NOT_FOUND, problem(code), null);
  }

  private static ProblemDetail problem(String code) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The service catalog has no service '" + code + "'.");
    problem.setTitle("Unknown service");
    problem.setProperty("serviceCode", code);
    return problem;
  }
}
