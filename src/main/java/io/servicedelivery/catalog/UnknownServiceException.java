package io.servicedelivery.catalog;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The catalog has no service with the requested code. */
public class UnknownServiceException extends ApiProblem {

  public UnknownServiceException(String code) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown service",
        "The service catalog has no service '" + code + "'.",
        Map.of("serviceCode", code));
  }
}
