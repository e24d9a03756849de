package io.servicedelivery.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A proposed change of one service and its review. {@code changes} is the difference to {@code baseVersion}, the
 * version the change replaces when it takes effect: the current version, unless an approved change takes effect
 * before it (null for a new service). The review fields stay null until a reviewer decided.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CatalogChangeRequest(
    long id,
    String serviceCode,
    ChangeStatus status,
    Instant effectiveFrom,
    String reason,
    String proposedBy,
    Instant proposedAt,
    Integer baseVersion,
    List<String> changes,
    String reviewedBy,
    Instant reviewedAt,
    String decisionComment,
    Integer resultingVersion,
    String processInstanceId,
    CatalogChangeProposal proposal) {

  /** The business key of the change request's review process, e.g. {@code CCR-42}. */
  public static String businessKey(long id) {
    return "CCR-" + id;
  }
}
