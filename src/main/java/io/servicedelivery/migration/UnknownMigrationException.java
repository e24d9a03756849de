package io.servicedelivery.migration;

import io.servicedelivery.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No migration batch with this id: 404. */
public class UnknownMigrationException extends ApiProblem {

  public UnknownMigrationException(String batchId) {
    super(HttpStatus.NOT_FOUND, "Unknown migration", "No migration with the batch id " + batchId,
        Map.of("batchId", batchId));
  }
}
