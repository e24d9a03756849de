package io.servicedelivery.quality;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** There is no CAPA with the requested id. */
public class UnknownCapaException extends ApiProblem {

  public UnknownCapaException(String id) {
    super(HttpStatus.NOT_FOUND, "Unknown CAPA", "There is no CAPA " + id + ".", Map.of("capaId", id));
  }
}
