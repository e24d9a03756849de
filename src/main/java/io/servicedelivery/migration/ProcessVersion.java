package io.servicedelivery.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A deployed version of a process and how many of its instances run on it now. */
@Schema(description = "A deployed version of a process and the instances running on it")
public record ProcessVersion(
    String processKey,
    int version,
    String processDefinitionId,
    String name,
    @Schema(description = "When its deployment was made") Instant deployedAt,
    @Schema(description = "Whether it is the version new instances start on") boolean latest,
    @Schema(description = "Process instances running on this version now") long runningInstances) {}
