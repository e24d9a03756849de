package io.servicedelivery.records;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No billing export has the id asked for: 404. */
class UnknownBillingExportException extends ApiProblem {

  UnknownBillingExportException(long exportId) {
    super(
        HttpStatus.NOT_FOUND,
        "Unknown billing export",
        "There is no billing export " + exportId + ".",
        Map.of("exportId", exportId));
  }
}
