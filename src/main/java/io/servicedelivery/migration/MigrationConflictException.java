package io.servicedelivery.migration;

import io.servicedelivery.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Instances a running migration already moves: a second migration of them waits until that one is over (409). */
public class MigrationConflictException extends ApiProblem {

  public MigrationConflictException(String runningBatchId, List<String> processInstanceIds) {
    super(
        HttpStatus.CONFLICT,
        "Instances are being migrated",
        processInstanceIds.size() + " of the instances are moved by the running migration " + runningBatchId
            + "; start again when it is finished",
        Map.of("runningBatchId", runningBatchId, "processInstanceIds", processInstanceIds));
  }
}
