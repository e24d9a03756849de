package io.servicedelivery.metrics;

import io.servicedelivery.web.ApiExceptionHandler;
import io.servicedelivery.web.ApiProblem;
import io.servicedelivery.web.InvalidField;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A period or service the key figures cannot be computed for: 400 naming the parameters, like any invalid value. */
class InvalidKpiQueryException extends ApiProblem {

  InvalidKpiQueryException(List<InvalidField> errors) {
    super(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        errors.size() == 1
            ? "The request has an invalid value: " + errors.get(0).field() + " " + errors.get(0).message() + "."
            : "The request has " + errors.size() + " invalid values.",
        Map.of(ApiExceptionHandler.ERRORS, errors));
  }
}
