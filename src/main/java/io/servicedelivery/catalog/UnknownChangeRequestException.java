package io.servicedelivery.catalog;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** There is no catalog change request with the requested id. */
public class UnknownChangeRequestException extends ApiProblem {

  public UnknownChangeRequestException(long id) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown change request",
        "There is no catalog change request " + id + ".",
        Map.of("changeRequestId", id));
  }
}
