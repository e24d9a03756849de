package io.servicedelivery.records;

import io.servicedelivery.web.ApiProblem;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No delivered request of the period is left to export, e.g. another export of it took them a moment before: 409. */
class NothingToExportException extends ApiProblem {

  NothingToExportException(LocalDate from, LocalDate to) {
    super(
        HttpStatus.CONFLICT,
        "Nothing to export",
        "No delivered request closed from " + from + " to " + to + " is left to export: the exports listed by GET "
            + BillingExportController.EXPORTS + " took them.",
        Map.of("from", from.toString(), "to", to.toString()));
  }
}
