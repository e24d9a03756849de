package io.servicedelivery.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A version of a service with where it came from. The initial catalog (version 1 of the seeded services) has no
 * change request, proposer or approver; these stay in the JSON as null rather than disappear.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CatalogVersion(
    int version,
    Instant effectiveFrom,
    String proposedBy,
    String approvedBy,
    Long changeRequestId,
    ServiceDefinition definition) {}
