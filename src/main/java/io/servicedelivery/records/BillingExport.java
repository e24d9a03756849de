package io.servicedelivery.records;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One hand-off to billing: the delivered requests of a period that no export had taken before. */
@Schema(description = "A billing export: its CSV is GET /api/records/exports/{id}")
public record BillingExport(
    @Schema(example = "7") long id,
    @Schema(description = "start of the period, inclusive", example = "2026-11-01T00:00:00Z") Instant periodFrom,
    @Schema(description = "end of the period, exclusive", example = "2026-12-01T00:00:00Z") Instant periodTo,
    @Schema(example = "2026-12-01T08:15:00Z") Instant exportedAt,
    @Schema(description = "the operations manager who made it", example = "manager") String exportedBy,
    @Schema(description = "the requests it took", example = "42") int records) {}
