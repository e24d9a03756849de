package io.servicedelivery.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cause categories the later CAPA forms show by label are the ones "Analyse root cause" offers, by the same label. */
class CauseCategoryTest {

  @Test
  void theLabelsAreThoseTheAnalysisFormOffers() throws IOException {
    Map<String, String> offered = new LinkedHashMap<>();
    for (JsonNode component : new ObjectMapper().readTree(Path.of("forms", "analyse-root-cause.form").toFile())
        .path("components")) {
      if (CapaProcess.Variables.CAUSE_CATEGORY.equals(component.path("key").asText())) {
        component.path("values").forEach(value -> offered.put(value.path("value").asText(), value.path("label").asText()));
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Arrays.stream(CauseCategory.values()).forEach(category -> labels.put(category.name(), category.label()));

    assertThat(offered).containsExactlyEntriesOf(labels);
  }

  @Test
  void aCodeWithoutACategoryIsShownAsItIsAndNoneAsNothing() {
    assertThat(CauseCategory.labelOf("PROCESS")).isEqualTo("Process (steps, handovers)");
    assertThat(CauseCategory.labelOf("LEGACY")).isEqualTo("LEGACY");
    assertThat(CauseCategory.labelOf(null)).isEmpty();
  }
}
