package io.servicedelivery.catalog;

import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalog: services, their request types, quality checklists and SLA targets, each in versions. A
 * version is effective from its {@code effective_from} until a version with a later start takes over (of two with
 * the same start, the higher version); "now" is the application clock, which follows the engine clock.
 *
 * <p>A version is read in one read-only transaction: its row first, then its parts, each in one query after the
 * other, so that a reader holds one pooled connection at a time (a query inside a row mapper would take a second).
 */
@Repository
public class ServiceCatalog {

  private static final String VERSION_COLUMNS =
      """
      service_code, version, effective_from, name, description, required_skill, standard_effort_hours,
      effort_tolerance_percent, cost_rate_per_hour, currency, change_request_id, proposed_by, approved_by""";

  private static final String SLA_TARGET_COLUMNS =
      """
      select version, priority, response_minutes, resolution_minutes, response_calendar, resolution_calendar,
        warning1_percent, warning2_percent, warning3_percent
      from catalog_sla_target""";

  private final JdbcClient jdbc;
  private final Clock clock;

  public ServiceCatalog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The services as their effective versions describe them now. */
  public List<ServiceSummary> list() {
    return jdbc.sql(
            """
            select v.service_code as code, v.name, v.description, v.required_skill
            from catalog_service_version v
            where v.effective_from <= :now
              and not exists (
                select 1 from catalog_service_version later
                where later.service_code = v.service_code and later.effective_from <= :now
                  and (later.effective_from > v.effective_from
                       or (later.effective_from = v.effective_from and later.version > v.version)))
            order by v.name""")
        .param("now", Timestamp.from(clock.instant()))
        .query(ServiceSummary.class)
        .list();
  }

  /** The codes of all services ever in the catalog, effective or not. */
  public List<String> codes() {
    return jdbc.sql("select code from catalog_service").query(String.class).list();
  }

  /** @return the version of the service that is effective now */
  @Transactional(readOnly = true)
  public Optional<ServiceDefinition> find(String code) {
    return findEffectiveAt(code, clock.instant());
  }

  @Transactional(readOnly = true)
  public ServiceDefinition get(String code) {
    return find(code).orElseThrow(() -> new UnknownServiceException(code));
  }

  @Transactional(readOnly = true)
  public Optional<ServiceDefinition> findEffectiveAt(String code, Instant instant) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select " + VERSION_COLUMNS + " from catalog_service_version"
                + " where service_code = ? and effective_from <= ?"
                + " order by effective_from desc, version desc fetch first 1 row only")
        .param(code)
        .param(Timestamp.from(instant))
        .query(ServiceCatalog::versionRow)
        .optional()
        .map(this::definition);
  }

  @Transactional(readOnly = true)
  public Optional<ServiceDefinition> find(String code, int version) {
    return jdbc.sql(
            "select " + VERSION_COLUMNS + " from catalog_service_version where service_code = ? and version = ?")
        .param(code)
        .param(version)
        .query(ServiceCatalog::versionRow)
        .optional()
        .map(this::definition);
  }

  /** The SLA target of one version of a service, without reading the rest of the version. */
  public Optional<SlaTarget> slaTarget(String code, int version, Priority priority) {
    return jdbc.sql(SLA_TARGET_COLUMNS + " where service_code = ? and version = ? and priority = ?")
        .params(code, version, priority.name())
        .query(ServiceCatalog::slaTarget)
        .optional();
  }

  /** @return every version of the service, the newest first; empty when the catalog never had the service */
  @Transactional(readOnly = true)
  public List<CatalogVersion> versions(String code) {
    List<VersionRow> versions =
        jdbc.sql(
                "select " + VERSION_COLUMNS + " from catalog_service_version where service_code = ?"
                    + " order by version desc")
            .param(code)
            .query(ServiceCatalog::versionRow)
            .list();
    if (versions.isEmpty()) {
      return List.of();
    }
    Parts parts = parts(code, null);
    return versions.stream()
        .map(
            version ->
                new CatalogVersion(
                    version.version(),
                    version.effectiveFrom(),
                    version.proposedBy(),
                    version.approvedBy(),
                    version.changeRequestId(),
                    version.definition(parts)))
        .toList();
  }

  /**
   * Adds the proposed definition as the next version of its service (creating the service when it is new).
   *
   * @return the new version number
   */
  int publish(
      CatalogChangeProposal proposal,
      Instant effectiveFrom,
      long changeRequestId,
      String proposedBy,
      String approvedBy) {
    String code = proposal.code();
    boolean newService =
        jdbc.sql("select count(*) from catalog_service where code = ?").param(code).query(Integer.class).single() == 0;
    if (newService) {
      jdbc.sql("insert into catalog_service (code) values (?)").param(code).update();
    }
    int version =
        jdbc.sql("select coalesce(max(version), 0) + 1 from catalog_service_version where service_code = ?")
            .param(code)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into catalog_service_version (service_code, version, effective_from, name, description,
              required_skill, standard_effort_hours, effort_tolerance_percent, cost_rate_per_hour, currency,
              change_request_id, proposed_by, approved_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            code,
            version,
            Timestamp.from(effectiveFrom),
            proposal.name(),
            proposal.description(),
            proposal.requiredSkill(),
            proposal.standardEffortHours(),
            proposal.effortTolerancePercent(),
            proposal.costRatePerHour(),
            proposal.currency(),
            changeRequestId,
            proposedBy,
            approvedBy)
        .update();
    for (CatalogChangeProposal.RequestTypeProposal type : proposal.requestTypes()) {
      jdbc.sql("insert into catalog_request_type (service_code, version, code, name) values (?, ?, ?, ?)")
          .params(code, version, type.code(), type.name())
          .update();
    }
    for (int position = 1; position <= proposal.checklist().size(); position++) {
      String item = proposal.checklist().get(position - 1);
      jdbc.sql(
              """
              insert into catalog_checklist_item (service_code, version, position, text, mandatory)
              values (?, ?, ?, ?, ?)""")
          .params(code, version, position, item, !proposal.optionalChecklistItems().contains(item))
          .update();
    }
    for (CatalogChangeProposal.SlaTargetProposal target : proposal.slaTargets()) {
      jdbc.sql(
              """
              insert into catalog_sla_target (service_code, version, priority, response_minutes, resolution_minutes,
                response_calendar, resolution_calendar, warning1_percent, warning2_percent, warning3_percent)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              code,
              version,
              target.priority().name(),
              target.responseMinutes(),
              target.resolutionMinutes(),
              target.responseCalendar(),
              target.resolutionCalendar(),
              target.warningPercents().get(0),
              target.warningPercents().get(1),
              target.warningPercents().get(2))
          .update();
    }
    return version;
  }

  /** The version with its parts, read after its own row: never a query while another query's result set is open. */
  private ServiceDefinition definition(VersionRow version) {
    return version.definition(parts(version.code(), version.version()));
  }

  /** The request types, checklists and SLA targets of one version of the service, or of all its versions (null). */
  private Parts parts(String serviceCode, Integer version) {
    String where = " where service_code = ?" + (version == null ? "" : " and version = ?");
    List<Object> params = version == null ? List.of(serviceCode) : List.of(serviceCode, version);
    Map<Integer, List<RequestType>> requestTypes = new HashMap<>();
    jdbc.sql("select version, code, name from catalog_request_type" + where + " order by version, code")
        .params(params)
        .query(
            rs -> {
              requestTypes.computeIfAbsent(rs.getInt("version"), key -> new ArrayList<>())
                  .add(new RequestType(rs.getString("code"), rs.getString("name")));
            });
    Map<Integer, List<ChecklistItem>> checklists = new HashMap<>();
    jdbc.sql("select version, text, mandatory from catalog_checklist_item" + where + " order by version, position")
        .params(params)
        .query(
            rs -> {
              checklists.computeIfAbsent(rs.getInt("version"), key -> new ArrayList<>())
                  .add(new ChecklistItem(rs.getString("text"), rs.getBoolean("mandatory")));
            });
    Map<Integer, List<SlaTarget>> slaTargets = new HashMap<>();
    jdbc.sql(SLA_TARGET_COLUMNS + where)
        .params(params)
        .query(
            rs -> {
              slaTargets.computeIfAbsent(rs.getInt("version"), key -> new ArrayList<>()).add(slaTarget(rs, 0));
            });
    slaTargets.values().forEach(targets -> targets.sort(Comparator.comparing(SlaTarget::priority)));
    return new Parts(requestTypes, checklists, slaTargets);
  }

  /** A row of catalog_service_version: a version of a service without its parts. */
  private record VersionRow(
      String code,
      int version,
      Instant effectiveFrom,
      String name,
      String description,
      String requiredSkill,
      BigDecimal standardEffortHours,
      int effortTolerancePercent,
      BigDecimal costRatePerHour,
      String currency,
      Long changeRequestId,
      String proposedBy,
      String approvedBy) {

    ServiceDefinition definition(Parts parts) {
      List<ChecklistItem> checklist = parts.checklists().getOrDefault(version, List.of());
      return new ServiceDefinition(
          code,
          version,
          effectiveFrom,
          name,
          description,
          requiredSkill,
          standardEffortHours,
          effortTolerancePercent,
          costRatePerHour,
          currency,
          parts.requestTypes().getOrDefault(version, List.of()),
          checklist.stream().map(ChecklistItem::text).toList(),
          checklist.stream().filter(item -> !item.mandatory()).map(ChecklistItem::text).toList(),
          parts.slaTargets().getOrDefault(version, List.of()));
    }
  }

  /** The request types, checklists and SLA targets of versions of one service, by version. */
  private record Parts(
      Map<Integer, List<RequestType>> requestTypes,
      Map<Integer, List<ChecklistItem>> checklists,
      Map<Integer, List<SlaTarget>> slaTargets) {}

  private record ChecklistItem(String text, boolean mandatory) {}

  private static VersionRow versionRow(ResultSet rs, int row) throws SQLException {
    return new VersionRow(
        rs.getString("service_code"),
        rs.getInt("version"),
        rs.getTimestamp("effective_from").toInstant(),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("required_skill"),
        rs.getBigDecimal("standard_effort_hours"),
        rs.getInt("effort_tolerance_percent"),
        rs.getBigDecimal("cost_rate_per_hour"),
        rs.getString("currency"),
        nullableLong(rs, "change_request_id"),
        rs.getString("proposed_by"),
        rs.getString("approved_by"));
  }

  private static SlaTarget slaTarget(ResultSet rs, int row) throws SQLException {
    return new SlaTarget(
        Priority.valueOf(rs.getString("priority")),
        rs.getInt("response_minutes"),
        rs.getInt("resolution_minutes"),
        rs.getString("response_calendar"),
        rs.getString("resolution_calendar"),
        List.of(rs.getInt("warning1_percent"), rs.getInt("warning2_percent"), rs.getInt("warning3_percent")));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
