package io.servicedelivery.intake;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No user of the group api-clients has the id. */
class UnknownApiClientException extends ApiProblem {

  UnknownApiClientException(String clientId) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown API client",
        "There is no API client " + clientId + " (a user in the group api-clients).",
        Map.of("clientId", clientId));
  }
}
