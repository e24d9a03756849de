package io.servicedelivery.intake;

import io.servicedelivery.web.ApiProblem;
import io.servicedelivery.web.InvalidField;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A well-formed request that names what the catalog does not offer: 422 naming the fields. */
public class CatalogViolationException extends ApiProblem {

  public CatalogViolationException(List<InvalidField> errors) {
    super(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "Not in the service catalog",
        "The service catalog does not offer what the request names.",
        Map.of("errors", errors));
  }
}
