package io.servicedelivery.metrics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The key figures of one customer in a period: the customer's SLA report. */
public record CustomerKpis(@Schema(example = "ACME") String customerId, List<KpiTrend> kpis) {}
