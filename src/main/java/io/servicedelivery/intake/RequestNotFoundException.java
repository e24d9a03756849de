package io.servicedelivery.intake;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No service request has the id. */
public class RequestNotFoundException extends ApiProblem {

  public RequestNotFoundException(String requestId) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown service request",
        "There is no service request " + requestId + ".",
        Map.of("requestId", requestId));
  }
}
