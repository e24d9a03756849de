package io.servicedelivery.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A migration batch as the operator watches it. */
@Schema(description = "A migration batch: what it moves and how far it got")
public record MigrationStatus(
    @Schema(description = "The id of the engine's batch") String batchId,
    String processKey,
    int sourceVersion,
    int targetVersion,
    @Schema(description = "How many process instances the migration moves") int instances,
    @Schema(description = "The batch's jobs (one per instance): all of them") long jobs,
    @Schema(description = "Jobs done") long jobsDone,
    @Schema(description = "Jobs that failed and will not be retried (each has an incident)") long jobsFailed,
    @Schema(description = "Jobs not done yet, failed ones included") long jobsRemaining,
    @Schema(description = "Whether the batch is over: every job done") boolean finished,
    String startedBy,
    Instant startedAt,
    @Schema(description = "When the batch ended") Instant endedAt,
    @Schema(description = "Why jobs failed: the engine's message per failed job") List<Failure> failures) {

  public record Failure(String jobId, @Schema(description = "Retries left; 0: an incident waits") int retriesLeft,
      String message) {}
}
