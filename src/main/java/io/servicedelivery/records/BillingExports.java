package io.servicedelivery.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hands the delivered requests of a period to billing, each request once. */
@Service
public class BillingExports {

  private final JdbcClient jdbc;
  private final Clock clock;

  public BillingExports(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Exports the delivered requests closed in [from, to) that no export has taken yet, and marks them exported.
   *
   * @return the CSV: a header line and a line per request, oldest first
   */
  @Transactional
  public String export(Instant from, Instant to, String exportedBy) {
    long exportId = newExport(from, to, exportedBy);
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
    jdbc.sql("update billing_export set records = ? where id = ?").param(claimed).param(exportId).update();
    return BillingCsv.of(recordsOf(exportId));
  }

  private long newExport(Instant from, Instant to, String exportedBy) {
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into billing_export (period_from, period_to, exported_at, exported_by, records)
            values (?, ?, ?, ?, 0)""")
        .param(Timestamp.from(from))
        .param(Timestamp.from(to))
        .param(Timestamp.from(clock.instant()))
        .param(exportedBy)
        .update(id, "id");
    return id.getKey().longValue();
  }

  private List<ServiceDeliveryRecord> recordsOf(long exportId) {
    return jdbc.sql("select * from service_delivery_record where billing_export_id = ? order by closed_at, request_id")
        .param(exportId)
        .query(ServiceDeliveryRecords::map)
        .list();
  }
}
