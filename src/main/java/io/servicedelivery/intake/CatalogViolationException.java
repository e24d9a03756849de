package io.servicedelivery.intake;

import io.servicedelivery.web.InvalidField;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A well-formed request that names what the catalog does not offer: 422 naming the fields. */
public class CatalogViolationException extends ErrorResponseException {

  public CatalogViolationException(List<InvalidField> errors) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(errors), null);
  }

  private static ProblemDetail problem(List<InvalidField> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY, "The service catalog does not offer what the request names.");
    problem.setTitle("Not in the service catalog");
    problem.setProperty("errors", errors);
    return problem;
  }
}
