package io.servicedelivery.resourcing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the reservations of the pool say about a period [from, to): how long each person's capacity was held, and when
 * requests got their first person. A read model for the what-if simulation, one statement each (H2 and PostgreSQL).
 */
@Repository
public class ReservationHistory {

  private final JdbcClient jdbc;

  ReservationHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return per user id, the reserved time within the period, summed over the person's reservations (two requests
   *     held at once count twice); a reservation still open counts to the end of the period
   */
  public Map<String, Duration> heldByPerson(Instant from, Instant to) {
    Map<String, Duration> held = new HashMap<>();
    jdbc.sql(
            """
            select v.user_id, v.reserved_at, v.released_at from resource_reservation v
            where v.reserved_at < :to and (v.released_at is null or v.released_at > :from)""")
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(rs -> {
          Instant start = later(rs.getTimestamp("reserved_at").toInstant(), from);
          Timestamp released = rs.getTimestamp("released_at");
          Instant end = released == null || released.toInstant().isAfter(to) ? to : released.toInstant();
          if (end.isAfter(start)) {
            held.merge(rs.getString("user_id"), Duration.between(start, end), Duration::plus);
          }
        });
    return held;
  }

  /** @return per request id, its first reservation, of the requests whose first reservation is in [from, to) */
  public Map<String, Instant> firstReservations(Instant from, Instant to) {
    Map<String, Instant> first = new HashMap<>();
    jdbc.sql(
            """
            select v.request_id, min(v.reserved_at) as first_reserved_at from resource_reservation v
            group by v.request_id
            having min(v.reserved_at) >= :from and min(v.reserved_at) < :to""")
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(rs -> {
          first.put(rs.getString("request_id"), rs.getTimestamp("first_reserved_at").toInstant());
        });
    return first;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
