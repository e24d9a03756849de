package io.servicedelivery.metrics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The key figures of one ISO week (Monday to Sunday, UTC), cut to the requested period. */
public record WeeklyKpis(@Schema(example = "2026-11-16") LocalDate weekStart, List<Kpi> kpis) {}
