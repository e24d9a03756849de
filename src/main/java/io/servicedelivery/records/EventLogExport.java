package io.servicedelivery.records;

import java.time.Instant;
import java.util.List;

/**
 * An export of the event log that {@link EventLog#open} began: its filter, when it was made and its first page of
 * traces, read before the first byte is written.
 */
public record EventLogExport(EventLogFilter filter, Instant exportedAt, List<EventLogTrace> firstPage) {

  public EventLogExport {
    firstPage = List.copyOf(firstPage);
  }
}
