package io.servicedelivery.metrics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;

/** The KPI API's answers as the KPI tests compare them: numbers with the scale they were written with, one line each. */
final class KpiJson {

  /** keeps the scale of the numbers as written, so 40.00 stays 40.00 */
  private static final ObjectMapper EXACT =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private KpiJson() {}

  static JsonNode read(ResponseEntity<String> response) {
    try {
      return EXACT.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(response.getBody(), e);
    }
  }

  /** "key = value (numerator/denominator)[, previous value]", a line per KPI */
  static String render(JsonNode kpis) {
    List<String> lines = new ArrayList<>();
    for (JsonNode kpi : kpis) {
      String line =
          kpi.path("key").asText() + " = " + kpi.path("value").asText() + " (" + kpi.path("numerator").asText() + "/"
              + kpi.path("denominator").asText() + ")";
      if (kpi.has("previousValue")) {
        line += ", previous " + kpi.path("previousValue").asText();
      }
      lines.add(line);
    }
    return String.join("\n", lines) + "\n";
  }
}
