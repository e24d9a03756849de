package io.servicedelivery.resourcing;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The person is in the resource pool already. */
public class ResourceExistsException extends ApiProblem {

  public ResourceExistsException(String userId) {
    super(
        HttpStatus.CONFLICT,
        "Resource exists",
        userId + " is in the resource pool already: change them with PUT.",
        Map.of("userId", userId));
  }
}
