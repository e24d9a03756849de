package io.servicedelivery.catalog;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.catalog.CatalogChangeProcess.Variables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The formal change process of the catalog: a change is proposed, reviewed by a second operations manager in the
 * {@value CatalogChangeProcess#KEY} process, and then published as a
 * new version or rejected. The proposal itself stays in {@code catalog_change_request}; the process carries its id.
 */
@Service
public class CatalogChanges {

  private static final int SUMMARY_LENGTH = 4000;
  private static final int SUMMARY_RESERVE = 80;

  private final JdbcClient jdbc;
  private final ServiceCatalog catalog;
  private final RuntimeService runtimeService;
  private final ObjectMapper objectMapper;
  private final Clock clock;

  public CatalogChanges(
      JdbcClient jdbc, ServiceCatalog catalog, RuntimeService runtimeService, ObjectMapper objectMapper, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.runtimeService = runtimeService;
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  /** Records the proposal and starts its review, in one transaction: no change request without its process. */
  @Transactional
  public CatalogChangeRequest propose(CatalogChangeProposal proposal, String proposedBy) {
    Instant now = clock.instant();
    Instant takesEffect = proposal.effectiveFrom().isAfter(now) ? proposal.effectiveFrom() : now;
    // the version this change replaces: the current one, unless an approved change takes effect before it
    Optional<ServiceDefinition> base = catalog.findEffectiveAt(proposal.code(), takesEffect);
    List<String> changes = changes(proposal, base, now, takesEffect);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into catalog_change_request (service_code, status, proposal, effective_from, reason, base_version,
              changes, proposed_by, proposed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            proposal.code(),
            ChangeStatus.PENDING_REVIEW.name(),
            json(proposal),
            Timestamp.from(proposal.effectiveFrom()),
            proposal.reason(),
            base.map(ServiceDefinition::version).orElse(null),
            String.join("\n", changes),
            proposedBy,
            Timestamp.from(now))
        .update(key, "id");
    long id = key.getKeyAs(Long.class);

    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.CATALOG_CHANGE_REQUEST_ID, id);
    variables.put(Variables.CATALOG_CHANGE_SERVICE_CODE, proposal.code());
    variables.put(Variables.CATALOG_CHANGE_SERVICE_NAME, proposal.name());
    variables.put(Variables.CATALOG_CHANGE_PROPOSED_BY, proposedBy);
    variables.put(Variables.CATALOG_CHANGE_EFFECTIVE_FROM, Date.from(proposal.effectiveFrom()));
    variables.put(Variables.CATALOG_CHANGE_REASON, proposal.reason());
    variables.put(Variables.CATALOG_CHANGE_SUMMARY, summary(changes, id));
    ProcessInstance review =
        runtimeService.startProcessInstanceByKey(
            CatalogChangeProcess.KEY, CatalogChangeRequest.businessKey(id), variables);
    jdbc.sql("update catalog_change_request set process_instance_id = ? where id = ?")
        .params(review.getId(), id)
        .update();
    return get(id);
  }

  /** The difference to the base version, and what the reviewer must know about versions scheduled around it. */
  private List<String> changes(
      CatalogChangeProposal proposal, Optional<ServiceDefinition> base, Instant now, Instant takesEffect) {
    List<String> changes = new ArrayList<>(CatalogDiff.describe(base, proposal.asDefinition(0)));
    base.filter(version -> version.effectiveFrom().isAfter(now))
        .ifPresent(
            scheduled ->
                changes.add(
                    "Note: compared with version " + scheduled.version() + ", which takes effect at "
                        + scheduled.effectiveFrom() + ", before this change."));
    catalog.versions(proposal.code()).stream()
        .filter(version -> version.effectiveFrom().isAfter(takesEffect))
        .forEach(
            later ->
                changes.add(
                    "Note: version " + later.version() + " takes effect at " + later.effectiveFrom()
                        + " and replaces this change from then on."));
    return changes;
  }

  /**
   * Publishes the proposal as the next version of its service. It takes effect at the proposed moment, or now when
   * that moment passed during the review: a version never claims to have been effective before it existed.
   *
   * @return the new version number
   */
  @Transactional
  public int approve(long id, String reviewer, String comment) {
    CatalogChangeRequest change = pendingReview(id, reviewer);
    Instant now = clock.instant();
    Instant effectiveFrom = change.effectiveFrom().isBefore(now) ? now : change.effectiveFrom();
    int version = catalog.publish(change.proposal(), effectiveFrom, id, change.proposedBy(), reviewer);
    decide(id, ChangeStatus.APPROVED, reviewer, comment, version);
    return version;
  }

  /** Closes the change request as rejected; the catalog stays as it is. */
  @Transactional
  public void reject(long id, String reviewer, String comment) {
    pendingReview(id, reviewer);
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("Catalog change request " + id + ": a rejection needs a comment.");
    }
    decide(id, ChangeStatus.REJECTED, reviewer, comment, null);
  }

  public Optional<CatalogChangeRequest> find(long id) {
    return jdbc.sql("select * from catalog_change_request where id = ?").param(id).query(this::map).optional();
  }

  public CatalogChangeRequest get(long id) {
    return find(id).orElseThrow(() -> new UnknownChangeRequestException(id));
  }

  private CatalogChangeRequest pendingReview(long id, String reviewer) {
    CatalogChangeRequest change = get(id);
    if (change.status() != ChangeStatus.PENDING_REVIEW) {
      throw new IllegalStateException("Catalog change request " + id + " is already " + change.status() + ".");
    }
    if (reviewer == null || reviewer.equals(change.proposedBy())) {
      throw new IllegalStateException(
          "Catalog change request " + id + " needs a reviewer other than its proposer " + change.proposedBy() + ".");
    }
    return change;
  }

  private void decide(long id, ChangeStatus status, String reviewer, String comment, Integer version) {
    jdbc.sql(
            """
            update catalog_change_request
            set status = ?, reviewed_by = ?, reviewed_at = ?, decision_comment = ?, resulting_version = ?
            where id = ? and status = ?""")
        .params(
            status.name(),
            reviewer,
            Timestamp.from(clock.instant()),
            comment == null || comment.isBlank() ? null : comment,
            version,
            id,
            ChangeStatus.PENDING_REVIEW.name())
        .update();
  }

  /**
   * The changes for the reviewer's form. The engine keeps a string variable in 4000 characters, so a long list ends
   * with a pointer to the change request, which keeps all of them.
   */
  static String summary(List<String> changes, long id) {
    StringBuilder summary = new StringBuilder();
    for (int index = 0; index < changes.size(); index++) {
      String line = (index == 0 ? "" : "\n") + changes.get(index);
      if (summary.length() + line.length() > SUMMARY_LENGTH - SUMMARY_RESERVE) {
        return summary.append("\n… and ")
            .append(changes.size() - index)
            .append(" more: see GET /api/catalog/change-requests/")
            .append(id)
            .toString();
      }
      summary.append(line);
    }
    return summary.toString();
  }

  private String json(CatalogChangeProposal proposal) {
    try {
      return objectMapper.writeValueAsString(proposal);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the proposal of " + proposal.code(), e);
    }
  }

  private CatalogChangeRequest map(ResultSet rs, int row) throws SQLException {
    try {
      return new CatalogChangeRequest(
          rs.getLong("id"),
          rs.getString("service_code"),
          ChangeStatus.valueOf(rs.getString("status")),
          rs.getTimestamp("effective_from").toInstant(),
          rs.getString("reason"),
          rs.getString("proposed_by"),
          rs.getTimestamp("proposed_at").toInstant(),
          rs.getObject("base_version", Integer.class),
          List.of(rs.getString("changes").split("\n")),
          rs.getString("reviewed_by"),
          instant(rs.getTimestamp("reviewed_at")),
          rs.getString("decision_comment"),
          rs.getObject("resulting_version", Integer.class),
          rs.getString("process_instance_id"),
          objectMapper.readValue(rs.getString("proposal"), CatalogChangeProposal.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable proposal in catalog change request " + rs.getLong("id"), e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
