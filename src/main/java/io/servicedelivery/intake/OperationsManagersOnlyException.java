package io.servicedelivery.intake;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The call is the operations managers' business. */
class OperationsManagersOnlyException extends ApiProblem {

  OperationsManagersOnlyException(String what) {
    super(HttpStatus.FORBIDDEN, "Forbidden", "Only operations managers " + what + ".", Map.of());
  }
}
