package io.servicedelivery.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Hands an export whose events a test has checked to a process-mining tool: writes it to {@code
 * target/event-log/known-history.xes} with the trace and the events the tool must find in it ({@code
 * known-history.json}). {@code .ci/run} opens the file in pm4js, the process-mining library of pm4py's authors, and
 * mines a process from it ({@code src/test/node/event-log-in-pm4js.js}), after the tests.
 */
final class ProcessMiningToolCheck {

  static final Path FOLDER = Path.of("target", "event-log");

  private ProcessMiningToolCheck() {}

  static void handOver(XesDocument log, String traceName) {
    XesDocument.Trace trace = log.trace(traceName);
    List<List<String>> events =
        trace.events().stream()
            .map(event -> List.of(event.get("concept:name"), event.get("lifecycle:transition")))
            .toList();
    try {
      Files.createDirectories(FOLDER);
      Files.write(FOLDER.resolve("known-history.xes"), log.source);
      new ObjectMapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(
              FOLDER.resolve("known-history.json").toFile(),
              Map.of("traces", log.traces.size(), "trace", traceName, "events", events));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
