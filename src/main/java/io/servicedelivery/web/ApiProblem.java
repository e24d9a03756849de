package io.servicedelivery.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error of the API that Spring answers as an RFC 9457 problem: a status, a short title, a sentence for the
 * caller, and the values it concerns as extra members (e.g. {@code requestId}).
 */
public abstract class ApiProblem extends ErrorResponseException {

  protected ApiProblem(HttpStatus status, String title, String detail, Map<String, ?> properties) {
    super(status, problem(status, title, detail, properties), null);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, ?> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }
}
