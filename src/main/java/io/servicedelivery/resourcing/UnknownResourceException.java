package io.servicedelivery.resourcing;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Nobody of the resource pool has the user id. */
public class UnknownResourceException extends ApiProblem {

  public UnknownResourceException(String userId) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown resource",
        "Nobody in the resource pool has the user id " + userId + ".",
        Map.of("userId", userId));
  }
}
