package io.servicedelivery.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the customers said was wrong with the resolutions of their requests (table {@code delivery_objection}). */
@Repository
public class DeliveryObjections {

  /** What the customer said was wrong with a resolution, and when. */
  public record Objection(Instant objectedAt, String objection) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public DeliveryObjections(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void add(String requestId, String objection) {
    jdbc.sql("insert into delivery_objection (request_id, objected_at, objection) values (?, ?, ?)")
        .param(requestId)
        .param(Timestamp.from(clock.instant()))
        .param(
            ServiceDeliveryRecords.truncate(
                objection == null || objection.isBlank() ? "(no reason given)" : objection, 4000))
        .update();
  }

  /** @return the customer's objections to the request's resolutions, oldest first */
  public List<Objection> of(String requestId) {
    return jdbc.sql("select objected_at, objection from delivery_objection where request_id = ? order by id")
        .param(requestId)
        .query((rs, row) -> new Objection(ServiceDeliveryRecords.instant(rs, "objected_at"), rs.getString("objection")))
        .list();
  }
}
