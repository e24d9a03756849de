package io.servicedelivery.quality;

import java.math.BigDecimal;
import java.util.List;

/** What the person who executed the service reported, and what the catalog expects of the service. */
public record QualityEvidence(
    List<String> checklist,
    List<String> optionalItems,
    List<String> confirmedItems,
    String progressStatus,
    String report,
    BigDecimal effortHours,
    BigDecimal standardEffortHours,
    int effortTolerancePercent) {}
