package io.servicedelivery.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.testsupport.HttpBrowser;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Open a CAPA" as Tasklist fetches it offers the services of the catalog in force by name: a QA lead chooses the
 * service a problem is about instead of typing its code.
 */
@WebIntegrationTest
class CapaStartFormOptionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired ServiceCatalog catalog;

  @Test
  void theServiceIsChosenByNameFromTheCatalogInForce() throws Exception {
    HttpBrowser qaLead = new HttpBrowser(port);
    assertThat(qaLead.camundaLogin("default", "qa", "qa").statusCode()).isEqualTo(200);
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(CapaProcess.KEY).latestVersion()
            .singleResult().getId();

    HttpResponse<String> form =
        qaLead.get("/camunda/api/engine/engine/default/process-definition/" + definitionId + "/deployed-start-form");

    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    JsonNode schema = JSON.readTree(form.body());
    assertThat(schema.path("id").asText()).isEqualTo(CapaProcess.StartForm.FORM_ID);
    JsonNode service = field(schema, CapaProcess.Variables.CAPA_SERVICE_CODE);
    assertThat(service.path("type").asText()).isEqualTo("select");
    assertThat(service.has("valuesKey")).as("the data is in the form").isFalse();
    List<String> offered = new ArrayList<>();
    service.path("values")
        .forEach(option -> offered.add(option.path("label").asText() + "=" + option.path("value").asText()));
    assertThat(offered).containsExactlyElementsOf(catalog.list().stream().map(s -> s.name() + "=" + s.code()).toList());
  }

  private static JsonNode field(JsonNode schema, String key) {
    for (JsonNode component : schema.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("The form has no field " + key);
  }
}
