package io.servicedelivery.resourcing;

import io.servicedelivery.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The person cannot leave the pool while requests are reserved for them. */
public class ResourceHoldsReservationsException extends ApiProblem {

  public ResourceHoldsReservationsException(String userId, List<String> requestIds) {
    super(
        HttpStatus.CONFLICT,
        "Resource is assigned",
        userId + " is assigned to " + String.join(", ", requestIds)
            + ": re-plan these requests before removing them from the pool.",
        Map.of("userId", userId, "requestIds", requestIds));
  }
}
