package io.servicedelivery.intake;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The request cannot do what was asked in the state it is in, e.g. cancel a closed request: 409. */
public class RequestConflictException extends ApiProblem {

  public RequestConflictException(String requestId, String detail) {
    super(HttpStatus.CONFLICT, "Not possible in the request's state", detail, Map.of("requestId", requestId));
  }
}
