package io.servicedelivery.sla;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The catalog has no business calendar with the requested code. */
public class UnknownCalendarException extends ApiProblem {

  public UnknownCalendarException(String code) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown calendar",
        "The service catalog has no business calendar '" + code + "'.",
        Map.of("calendarCode", code));
  }
}
