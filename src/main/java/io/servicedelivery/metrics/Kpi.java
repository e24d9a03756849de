package io.servicedelivery.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** One key figure: value = numerator / denominator, in the unit's scale; no value when the denominator is 0. */
@Schema(description = "A key figure with what it was computed from")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Kpi(
    @Schema(example = "onTimeDelivery") String key,
    @Schema(example = "On-time delivery") String label,
    KpiUnit unit,
    @Schema(example = "85.0", nullable = true, description = "null when the denominator is 0") BigDecimal value,
    @Schema(example = "17") BigDecimal numerator,
    @Schema(example = "20") BigDecimal denominator) {}
