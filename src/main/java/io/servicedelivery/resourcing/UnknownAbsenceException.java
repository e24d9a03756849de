package io.servicedelivery.resourcing;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The person has no absence with the id. */
public class UnknownAbsenceException extends ApiProblem {

  public UnknownAbsenceException(String userId, long absenceId) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown absence",
        userId + " has no absence " + absenceId + ".",
        Map.of("userId", userId, "absenceId", absenceId));
  }
}
