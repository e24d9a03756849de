package io.servicedelivery.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An exported event log as the tests read it: validated against the XML schema of IEEE 1849-2016 (the test resource
 * {@code xes/xes-ieee-1849-2016.xsd}), then read the way a process-mining tool reads XES: the declared extensions, the
 * global attributes (whose values stand in for the attributes an element lacks), the classifiers, and the traces with
 * their attributes and events. {@link #assertConsistent} checks what a tool relies on beyond the schema.
 */
final class XesDocument {

  /** An event: its attributes by key (typed values as strings), the globals filled in. */
  record Event(Map<String, String> attributes) {

    String get(String key) {
      return attributes.get(key);
    }

    Instant timestamp() {
      return Instant.parse(get("time:timestamp"));
    }
  }

  record Trace(Map<String, String> attributes, List<Event> events) {

    String get(String key) {
      return attributes.get(key);
    }
  }

  private static final Schema SCHEMA;

  static {
    try {
      SCHEMA =
          SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
              .newSchema(XesDocument.class.getResource("/xes/xes-ieee-1849-2016.xsd"));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final byte[] source;
  final Element log;
  final Map<String, String> extensions = new LinkedHashMap<>();
  final Map<String, String> traceGlobals = new LinkedHashMap<>();
  final Map<String, String> eventGlobals = new LinkedHashMap<>();
  final Map<String, String> classifiers = new LinkedHashMap<>();
  final Map<String, String> attributes = new LinkedHashMap<>();
  final List<Trace> traces = new ArrayList<>();

  private XesDocument(byte[] source, Element log) {
    this.source = source;
    this.log = log;
  }

  /** @throws AssertionError when the document does not validate against the schema */
  static XesDocument read(byte[] xes) {
    try {
      SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xes)));
    } catch (Exception e) {
      throw new AssertionError("Not valid IEEE 1849-2016 XES: " + e.getMessage(), e);
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xes));
      XesDocument read = new XesDocument(xes, document.getDocumentElement());
      read.parse();
      return read;
    } catch (Exception e) {
      throw new AssertionError("Unreadable XES", e);
    }
  }

  private void parse() {
    for (Element child : children(log)) {
      switch (child.getTagName()) {
        case "extension" -> extensions.put(child.getAttribute("prefix"), child.getAttribute("uri"));
        case "global" ->
            (child.getAttribute("scope").equals("trace") ? traceGlobals : eventGlobals).putAll(attributesOf(child));
        case "classifier" -> classifiers.put(child.getAttribute("name"), child.getAttribute("keys"));
        case "trace" -> traces.add(trace(child));
        case "event" -> throw new AssertionError("an event outside a trace");
        default -> attributes.put(child.getAttribute("key"), child.getAttribute("value"));
      }
    }
  }

  private Trace trace(Element trace) {
    Map<String, String> values = new LinkedHashMap<>(traceGlobals);
    List<Event> events = new ArrayList<>();
    for (Element child : children(trace)) {
      if (child.getTagName().equals("event")) {
        Map<String, String> eventValues = new LinkedHashMap<>(eventGlobals);
        eventValues.putAll(attributesOf(child));
        events.add(new Event(eventValues));
      } else {
        values.put(child.getAttribute("key"), child.getAttribute("value"));
      }
    }
    return new Trace(values, events);
  }

  private static Map<String, String> attributesOf(Element element) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Element attribute : children(element)) {
      String key = attribute.getAttribute("key");
      if (values.put(key, attribute.getAttribute("value")) != null) {
        throw new AssertionError("the key " + key + " twice in one element");
      }
    }
    return values;
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }

  Trace trace(String requestId) {
    return traces.stream()
        .filter(trace -> requestId.equals(trace.get("concept:name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No trace " + requestId + " in " + traceNames()));
  }

  List<String> traceNames() {
    return traces.stream().map(trace -> trace.get("concept:name")).toList();
  }

  /**
   * What a process-mining tool relies on beyond the schema: every prefixed key belongs to a declared extension, every
   * classifier's keys are global event attributes, every trace has a name and every event a name, a transition of the
   * standard lifecycle model and a time, the events of a trace in time order, and a step's start before its end.
   */
  XesDocument assertConsistent() {
    assertThat(log.getNamespaceURI()).as("the schema has no target namespace").isNull();
    assertThat(extensions)
        .containsEntry("concept", "http://www.xes-standard.org/concept.xesext")
        .containsEntry("lifecycle", "http://www.xes-standard.org/lifecycle.xesext")
        .containsEntry("time", "http://www.xes-standard.org/time.xesext")
        .containsEntry("org", "http://www.xes-standard.org/org.xesext");
    for (String keys : classifiers.values()) {
      assertThat(eventGlobals.keySet()).as("classifier keys are global").contains(keys.split(" "));
    }
    Set<String> keys = new HashSet<>(attributes.keySet());
    keys.addAll(traceGlobals.keySet());
    keys.addAll(eventGlobals.keySet());
    for (Trace trace : traces) {
      assertThat(trace.get("concept:name")).isNotEqualTo(XesWriter.UNKNOWN);
      keys.addAll(trace.attributes().keySet());
      Map<String, Instant> started = new HashMap<>();
      Instant previous = Instant.MIN;
      for (Event event : trace.events()) {
        keys.addAll(event.attributes().keySet());
        assertThat(event.get("concept:name")).isNotEqualTo(XesWriter.UNKNOWN);
        assertThat(event.get("lifecycle:transition")).isIn("start", "complete", "ate_abort");
        assertThat(event.timestamp()).as("events in time order").isAfterOrEqualTo(previous);
        previous = event.timestamp();
        String instance = event.get("concept:instance");
        if (event.get("lifecycle:transition").equals("start")) {
          assertThat(started.put(instance, event.timestamp())).as("one start per step").isNull();
        } else if (started.containsKey(instance)) {
          assertThat(event.timestamp()).isAfterOrEqualTo(started.remove(instance));
        }
      }
    }
    for (String key : keys) {
      if (key.contains(":")) {
        assertThat(extensions).as("the extension of " + key).containsKey(key.substring(0, key.indexOf(':')));
      }
    }
    return this;
  }
}
