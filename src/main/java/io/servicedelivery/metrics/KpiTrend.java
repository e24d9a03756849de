package io.servicedelivery.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A key figure of a period with its value in the period of equal length just before. */
@Schema(description = "A key figure with its value in the previous period of equal length")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiTrend(
    @JsonUnwrapped Kpi kpi,
    @Schema(example = "80.0", nullable = true,
        description = "null when the previous period has no denominator, and always for openAtRisk (a figure of now)")
        BigDecimal previousValue) {}
