package io.servicedelivery.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands the delivered requests of a period to billing, each request once: a preview that marks nothing, an export
 * that takes the delivered requests no export has taken yet, and every export kept with its id, so that its CSV can
 * be fetched again as often as billing needs it.
 */
@Service
public class BillingExports {

  private final JdbcClient jdbc;
  private final Clock clock;

  public BillingExports(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * What an export of [from, to) would take now: the delivered requests closed in the period that no export has
   * taken yet. Marks nothing.
   *
   * @return the CSV: a header line and a line per request, oldest first
   */
  @Transactional(readOnly = true)
  public String preview(Instant from, Instant to) {
    return BillingCsv.of(
        jdbc.sql(
                """
                select * from service_delivery_record
                where billing_status = 'UNBILLED' and closed_at >= ? and closed_at < ?
                order by closed_at, request_id""")
            .param(Timestamp.from(from))
            .param(Timestamp.from(to))
            .query(ServiceDeliveryRecords::map)
            .list());
  }

  /**
   * Exports the delivered requests closed in [from, to) that no export has taken yet and marks them exported with
   * the new export's id.
   *
   * @return the export, or empty (and nothing stored) when no request was left to export, e.g. because another
   *     export of the same period took them a moment before
   */
  @Transactional
  public Optional<BillingExport> export(Instant from, Instant to, String exportedBy) {
    Instant exportedAt = clock.instant();
    long exportId = newExport(from, to, exportedAt, exportedBy);
    // claiming the records by export id in one update is what keeps two exports at once from taking the same one:
    // the second waits for the first's row locks and then finds them no longer UNBILLED
    int claimed =
        jdbc.sql(
                """
                update service_delivery_record set billing_status = 'EXPORTED', billing_export_id = ?
                where billing_status = 'UNBILLED' and closed_at >= ? and closed_at < ?""")
            .param(exportId)
            .param(Timestamp.from(from))
            .param(Timestamp.from(to))
            .update();
    if (claimed == 0) {
      jdbc.sql("delete from billing_export where id = ?").param(exportId).update();
      return Optional.empty();
    }
    jdbc.sql("update billing_export set records = ? where id = ?").param(claimed).param(exportId).update();
    return Optional.of(new BillingExport(exportId, from, to, exportedAt, exportedBy, claimed));
  }

  /** @return the export, if there is one with this id */
  @Transactional(readOnly = true)
  public Optional<BillingExport> find(long exportId) {
    return jdbc.sql("select * from billing_export where id = ?")
        .param(exportId)
        .query(BillingExports::export)
        .optional();
  }

  /** @return the CSV of the export as it was made (header first, oldest request first), if there is such an export */
  @Transactional(readOnly = true)
  public Optional<String> csvOf(long exportId) {
    if (find(exportId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        BillingCsv.of(
            jdbc.sql(
                    "select * from service_delivery_record where billing_export_id = ? order by closed_at, request_id")
                .param(exportId)
                .query(ServiceDeliveryRecords::map)
                .list()));
  }

  /** @return the exports, the newest first */
  @Transactional(readOnly = true)
  public List<BillingExport> list() {
    return jdbc.sql("select * from billing_export order by id desc").query(BillingExports::export).list();
  }

  private long newExport(Instant from, Instant to, Instant exportedAt, String exportedBy) {
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into billing_export (period_from, period_to, exported_at, exported_by, records)
            values (?, ?, ?, ?, 0)""")
        .param(Timestamp.from(from))
        .param(Timestamp.from(to))
        .param(Timestamp.from(exportedAt))
        .param(exportedBy)
        .update(id, "id");
    return id.getKey().longValue();
  }

  private static BillingExport export(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new BillingExport(
        rs.getLong("id"),
        ServiceDeliveryRecords.instant(rs, "period_from"),
        ServiceDeliveryRecords.instant(rs, "period_to"),
        ServiceDeliveryRecords.instant(rs, "exported_at"),
        rs.getString("exported_by"),
        rs.getInt("records"));
  }
}
