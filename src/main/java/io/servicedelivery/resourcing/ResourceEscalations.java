package io.servicedelivery.resourcing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The times the operations managers were called in because nobody of the pool fitted a request. */
@Service
public class ResourceEscalations {

  private final JdbcClient jdbc;
  private final Clock clock;

  public ResourceEscalations(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(String requestId, String reason) {
    jdbc.sql("insert into resource_escalation (request_id, reason, escalated_at) values (?, ?, ?)")
        .param(requestId)
        .param(reason)
        .param(Timestamp.from(clock.instant()))
        .update();
  }

  public List<ResourceEscalation> of(String requestId) {
    return jdbc.sql("select reason, escalated_at from resource_escalation where request_id = ? order by id")
        .param(requestId)
        .query((rs, row) -> new ResourceEscalation(requestId, rs.getString(1), rs.getTimestamp(2).toInstant()))
        .list();
  }

  /** One escalation of a request to the operations managers. */
  public record ResourceEscalation(String requestId, String reason, Instant escalatedAt) {}
}
