package io.servicedelivery.metrics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The key figures of one catalog service in a period. */
public record ServiceKpis(
    @Schema(example = "NETWORK_ACCESS") String serviceCode,
    @Schema(example = "Network access") String serviceName,
    List<KpiTrend> kpis) {}
