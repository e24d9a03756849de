package io.servicedelivery.records;

import io.servicedelivery.web.ApiExceptionHandler;
import io.servicedelivery.web.ApiProblem;
import io.servicedelivery.web.InvalidField;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A period that ends before it starts: 400 naming {@code to}, like any other invalid parameter. */
class InvalidPeriodException extends ApiProblem {

  InvalidPeriodException() {
    super(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        "The request has an invalid value: to must be after from.",
        Map.of(ApiExceptionHandler.ERRORS, List.of(new InvalidField("to", "must be after from"))));
  }
}
