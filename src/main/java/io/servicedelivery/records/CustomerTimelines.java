package io.servicedelivery.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the customer sees of a request's progress: its events, and the latest of them as the record's status. */
@Service
public class CustomerTimelines {

  private final JdbcClient jdbc;
  private final Clock clock;

  public CustomerTimelines(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds an event to the customer's timeline, unless it repeats the latest one (a rework is still "in progress"). */
  public void recordCustomerEvent(String requestId, CustomerEvent event) {
    List<TimelineEntry> timeline = timelineOf(requestId);
    if (!timeline.isEmpty() && timeline.get(timeline.size() - 1).event() == event) {
      return;
    }
    jdbc.sql("insert into customer_event (request_id, event, occurred_at) values (?, ?, ?)")
        .param(requestId)
        .param(event.name())
        .param(Timestamp.from(clock.instant()))
        .update();
    jdbc.sql("update service_delivery_record set customer_status = ? where request_id = ?")
        .param(event.name())
        .param(requestId)
        .update();
  }

  public List<TimelineEntry> timelineOf(String requestId) {
    return jdbc.sql("select event, occurred_at from customer_event where request_id = ? order by id")
        .param(requestId)
        .query(
            (rs, row) ->
                new TimelineEntry(
                    CustomerEvent.valueOf(rs.getString("event")), ServiceDeliveryRecords.instant(rs, "occurred_at")))
        .list();
  }
}
