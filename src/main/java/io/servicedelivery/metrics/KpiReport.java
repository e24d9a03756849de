package io.servicedelivery.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The key figures of a period [from, to), of one service, customer or requester, or of all. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiReport(
    @Schema(example = "2026-10-23T00:00:00Z") Instant from,
    @Schema(example = "2026-11-22T00:00:00Z") Instant to,
    @Schema(nullable = true, description = "null: all services") String serviceCode,
    @Schema(nullable = true, description = "null: all customers", example = "ACME") String customerId,
    @Schema(nullable = true, description = "null: all requesters", example = "ada@example.com") String requesterEmail,
    List<KpiTrend> kpis) {}
