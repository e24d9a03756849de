package io.servicedelivery.records;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an event log in the XML serialization of IEEE 1849-2016, the eXtensible Event Stream (XES), as it goes: the
 * log's header ({@link #start}), then a trace at a time ({@link #trace}), then the end ({@link #end}). Nothing is kept
 * but what StAX buffers before a {@link #flush}, so the size of a log is not limited by memory.
 *
 * <p>The document validates against the standard's XML schema, which has no target namespace (so neither has the
 * document) and types {@code xes.version} as a decimal: the version is {@value #VERSION}. The log declares the
 * standard extensions it uses (Concept, Lifecycle, Time, Organizational, Cost), the attributes every trace and event
 * has ({@code global}) and three classifiers: by activity, by activity and transition, by resource. Dates are UTC with
 * milliseconds, as the standard asks.
 */
public final class XesWriter implements AutoCloseable {

  /** IEEE 1849-2016, as the decimal that the schema's {@code xes.version} attribute takes */
  public static final String VERSION = "1849.2016";

  /** the value of a global attribute that an element does not have: what process-mining tools show for it */
  static final String UNKNOWN = "UNKNOWN";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private static final String[][] EXTENSIONS = {
    {"Concept", "concept", "http://www.xes-standard.org/concept.xesext"},
    {"Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext"},
    {"Time", "time", "http://www.xes-standard.org/time.xesext"},
    {"Organizational", "org", "http://www.xes-standard.org/org.xesext"},
    {"Cost", "cost", "http://www.xes-standard.org/cost.xesext"}
  };

  private final XMLStreamWriter xml;

  public XesWriter(OutputStream out) {
    try {
      this.xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
    } catch (XMLStreamException e) {
      throw new IllegalStateException("No StAX writer", e);
    }
  }

  /** The XML declaration and the log element with its extensions, globals, classifiers and attributes. */
  public void start(EventLogFilter filter, Instant exportedAt) throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("log");
    xml.writeAttribute("xes.version", VERSION);
    for (String[] extension : EXTENSIONS) {
      xml.writeEmptyElement("extension");
      xml.writeAttribute("name", extension[0]);
      xml.writeAttribute("prefix", extension[1]);
      xml.writeAttribute("uri", extension[2]);
    }
    xml.writeStartElement("global");
    xml.writeAttribute("scope", "trace");
    string("concept:name", UNKNOWN);
    xml.writeEndElement();
    xml.writeStartElement("global");
    xml.writeAttribute("scope", "event");
    string("concept:name", UNKNOWN);
    string("lifecycle:transition", EventLogEvent.COMPLETE);
    date("time:timestamp", Instant.EPOCH);
    string("org:resource", UNKNOWN);
    xml.writeEndElement();
    classifier("Activity", "concept:name");
    classifier("ActivityAndTransition", "concept:name lifecycle:transition");
    classifier("Resource", "org:resource");
    string("concept:name", "Service delivery");
    string("lifecycle:model", "standard");
    date("periodFrom", filter.from());
    date("periodTo", filter.to());
    if (filter.serviceCode() != null) {
      string("serviceCode", filter.serviceCode());
    }
    date("exportedAt", exportedAt);
  }

  /** A trace with its attributes and events. */
  public void trace(EventLogTrace trace) throws XMLStreamException {
    xml.writeCharacters("\n");
    xml.writeStartElement("trace");
    string("concept:name", trace.requestId());
    date("receivedAt", trace.receivedAt());
    string("serviceCode", trace.serviceCode());
    string("serviceName", trace.serviceName());
    string("requestType", trace.requestType());
    string("priority", trace.priority());
    string("customer", trace.customerId());
    string("channel", trace.channel());
    string("outcome", trace.outcome().name());
    string("closedBy", trace.closedBy() == null ? null : trace.closedBy().name());
    date("closedAt", trace.closedAt());
    string("slaOutcome", trace.slaOutcome());
    if (trace.responseMet() != null) {
      xml.writeEmptyElement("boolean");
      xml.writeAttribute("key", "responseMet");
      xml.writeAttribute("value", trace.responseMet().toString());
    }
    integer("reworks", trace.reworks());
    integer("reopenings", trace.reopenings());
    if (trace.cost() != null) {
      decimal("cost:total", trace.cost());
      string("cost:currency", trace.currency());
    }
    for (EventLogEvent event : trace.events()) {
      event(event);
    }
    xml.writeEndElement();
  }

  private void event(EventLogEvent event) throws XMLStreamException {
    xml.writeCharacters("\n");
    xml.writeStartElement("event");
    string("concept:name", event.activity());
    string("concept:instance", event.instance());
    string("lifecycle:transition", event.transition());
    date("time:timestamp", event.timestamp());
    string("org:resource", event.resource());
    string("org:group", event.group());
    string("activityId", event.activityId());
    string("activityType", event.activityType());
    string("process", event.process());
    integer("pass", event.pass());
    xml.writeEndElement();
  }

  /** Closes the log element and ends the document. */
  public void end() throws XMLStreamException {
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
  }

  /** Hands what is written so far to the output stream. */
  public void flush() throws XMLStreamException {
    xml.flush();
  }

  /** Frees the writer; the output stream stays open. */
  @Override
  public void close() throws XMLStreamException {
    xml.close();
  }

  private void classifier(String name, String keys) throws XMLStreamException {
    xml.writeEmptyElement("classifier");
    xml.writeAttribute("name", name);
    xml.writeAttribute("keys", keys);
  }

  /** a string attribute; none when the value is null */
  private void string(String key, String value) throws XMLStreamException {
    if (value != null) {
      attribute("string", key, value);
    }
  }

  private void date(String key, Instant value) throws XMLStreamException {
    if (value != null) {
      attribute("date", key, DATE.format(value));
    }
  }

  private void integer(String key, long value) throws XMLStreamException {
    attribute("int", key, Long.toString(value));
  }

  private void decimal(String key, BigDecimal value) throws XMLStreamException {
    attribute("float", key, value.toPlainString());
  }

  private void attribute(String element, String key, String value) throws XMLStreamException {
    xml.writeEmptyElement(element);
    xml.writeAttribute("key", key);
    xml.writeAttribute("value", value);
  }
}
