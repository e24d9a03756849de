package io.servicedelivery.records;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.xml.stream.XMLStreamException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The delivery history as an event log for process-mining tools, in IEEE 1849-2016 XES ({@link XesWriter}): a trace
 * per service request received in the period, an event per start and end of each of its steps ({@link
 * EventLogReader} says which steps are events).
 *
 * <p>An export streams in constant memory: it reads a page of {@code servicedelivery.event-log.page-size} traces
 * (200) with all their events in one short read-only transaction, lets the connection go, writes the page and flushes
 * it to the client, and reads the next page after the last request of this one. So no connection is held while the
 * client reads, and neither memory nor a statement grows with the period. At most {@code
 * servicedelivery.event-log.concurrent-reads} exports (1) read a page at the same moment, whatever the number of
 * exports: an export takes at most one connection at a time, and all exports together at most that many (the pool's
 * spare, see spring.datasource.hikari in application.yaml); the others wait for their turn, holding nothing.
 *
 * <p>The first page is read by {@link #open}, before the first byte is written, so that a database that is down is an
 * error answer and not a broken document; should the database fail later, the document ends where the failure came,
 * without its closing {@code </log>}, and every XML reader refuses it.
 */
@Service
public class EventLog {

  private final EventLogReader reader;
  private final Clock clock;
  private final int pageSize;
  private final Semaphore reads;

  public EventLog(
      EventLogReader reader,
      Clock clock,
      @Value("${servicedelivery.event-log.page-size:200}") int pageSize,
      @Value("${servicedelivery.event-log.concurrent-reads:1}") int concurrentReads) {
    this.reader = reader;
    this.clock = clock;
    this.pageSize = pageSize;
    this.reads = new Semaphore(concurrentReads, true);
  }

  /** Begins an export: reads its first page. */
  public EventLogExport open(EventLogFilter filter) {
    return new EventLogExport(filter, clock.instant(), page(filter, null));
  }

  /** Writes the log of the export to {@code out}, a page of traces at a time; {@code out} stays open. */
  public void write(EventLogExport export, OutputStream out) throws IOException {
    try (XesWriter xes = new XesWriter(out)) {
      xes.start(export.filter(), export.exportedAt());
      List<EventLogTrace> page = export.firstPage();
      while (!page.isEmpty()) {
        for (EventLogTrace trace : page) {
          xes.trace(trace);
        }
        xes.flush();
        out.flush();
        page = page.size() < pageSize ? List.of() : page(export.filter(), page.get(page.size() - 1));
      }
      xes.end();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException("The event log could not be written", e);
    }
  }

  private List<EventLogTrace> page(EventLogFilter filter, EventLogTrace after) {
    try {
      reads.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to read the event log", e);
    }
    try {
      return reader.page(filter, after, pageSize);
    } finally {
      reads.release();
    }
  }
}
