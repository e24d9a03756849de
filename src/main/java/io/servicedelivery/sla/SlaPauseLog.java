package io.servicedelivery.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The times a request's resolution clock stood still, and why, keyed by the request id. */
@Repository
public class SlaPauseLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  public SlaPauseLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The resolution clock stands still from now on, for the reason given. */
  public void startPause(String requestId, String reason) {
    jdbc.sql("insert into sla_pause (request_id, reason, started_at) values (?, ?, ?)")
        .param(requestId)
        .param(truncate(reason == null || reason.isBlank() ? "Waiting for the customer" : reason, 2000))
        .param(Timestamp.from(clock.instant()))
        .update();
  }

  /** @return when the open pause of the request started, if it has one */
  public Optional<Instant> openPauseSince(String requestId) {
    return jdbc.sql("select started_at from sla_pause where request_id = ? and ended_at is null")
        .param(requestId)
        .query((rs, row) -> instant(rs, "started_at"))
        .optional();
  }

  /** Ends the open pause now; it took {@code paused} of business time. */
  public void endPause(String requestId, Duration paused) {
    jdbc.sql("update sla_pause set ended_at = ?, paused_minutes = ? where request_id = ? and ended_at is null")
        .param(Timestamp.from(clock.instant()))
        .param((int) paused.toMinutes())
        .param(requestId)
        .update();
  }

  /** Ends the open pause, if there is one, at the time given, without counting its business time. */
  public void endOpenPauseAt(String requestId, Instant endedAt) {
    jdbc.sql("update sla_pause set ended_at = ? where request_id = ? and ended_at is null")
        .param(Timestamp.from(endedAt))
        .param(requestId)
        .update();
  }

  public List<SlaPauseEntry> pausesOf(String requestId) {
    return jdbc.sql("select * from sla_pause where request_id = ? order by id")
        .param(requestId)
        .query(
            (rs, row) ->
                new SlaPauseEntry(
                    rs.getString("reason"),
                    instant(rs, "started_at"),
                    instant(rs, "ended_at"),
                    rs.getObject("paused_minutes", Integer.class)))
        .list();
  }

  /** @return the pauses of each of the requests taken together; requests never paused are missing */
  public Map<String, SlaPauseTotal> pauseTotals(Collection<String> requestIds) {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    Map<String, SlaPauseTotal> totals = new HashMap<>();
    jdbc.sql(
            """
            select request_id, coalesce(sum(paused_minutes), 0) as paused_minutes,
                   sum(case when ended_at is null then 1 else 0 end) as open_pauses
            from sla_pause where request_id in (:ids) group by request_id""")
        .param("ids", requestIds)
        .query(
            rs -> {
              totals.put(
                  rs.getString("request_id"),
                  new SlaPauseTotal(
                      Duration.ofMinutes(rs.getLong("paused_minutes")), rs.getInt("open_pauses") > 0));
            });
    return totals;
  }

  private static String truncate(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
