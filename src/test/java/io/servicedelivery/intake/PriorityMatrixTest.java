package io.servicedelivery.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bpmn/priority-matrix.dmn}, the ITIL matrix analysts may change in Modeler: every cell. */
class PriorityMatrixTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision matrix;

  @BeforeAll
  static void parse() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = new FileInputStream("bpmn/priority-matrix.dmn")) {
      matrix = dmnEngine.parseDecision("priority-matrix", dmn);
    }
  }

  @ParameterizedTest(name = "impact {0}, urgency {1} -> {2}")
  @CsvSource({
    "HIGH, HIGH, CRITICAL",
    "HIGH, MEDIUM, HIGH",
    "HIGH, LOW, MEDIUM",
    "MEDIUM, HIGH, HIGH",
    "MEDIUM, MEDIUM, MEDIUM",
    "MEDIUM, LOW, LOW",
    "LOW, HIGH, MEDIUM",
    "LOW, MEDIUM, LOW",
    "LOW, LOW, LOW"
  })
  void impactTimesUrgencyGivesThePriority(String impact, String urgency, String priority) {
    Object result =
        dmnEngine.evaluateDecisionTable(matrix, Map.of("impact", impact, "urgency", urgency)).getSingleEntry();

    assertThat(result).isEqualTo(priority);
  }

  @Test
  void unknownOrMissingValuesGiveNoPriority() {
    Map<String, Object> missing = new HashMap<>();
    missing.put("impact", "HIGH");
    missing.put("urgency", null);

    assertThat(dmnEngine.evaluateDecisionTable(matrix, Map.of("impact", "HUGE", "urgency", "HIGH"))).isEmpty();
    assertThat(dmnEngine.evaluateDecisionTable(matrix, missing)).isEmpty();
  }
}
