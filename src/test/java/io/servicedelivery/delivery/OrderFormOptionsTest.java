package io.servicedelivery.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.catalog.CatalogChangeRequest;
import io.servicedelivery.catalog.CatalogChanges;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceSummary;
import io.servicedelivery.delivery.ServiceDeliveryProcess.OrderForm;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.testsupport.CatalogProposals;
import io.servicedelivery.testsupport.HttpBrowser;
import io.servicedelivery.testsupport.SampleRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order form as Tasklist fetches it ({@code deployed-start-form} of Tasklist's own API) offers the services of
 * the catalog in force and, for the request type, the types of each with the code of their service, which the form's
 * expression narrows to the chosen service. A catalog version that takes effect changes the options at once; one that
 * takes effect later does not yet. The options are input data, never fields: a start that carries them is refused.
 */
@WebIntegrationTest
class OrderFormOptionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NEW_SERVICE = "PRINTER_SETUP";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ServiceCatalog catalog;
  @Autowired CatalogChanges changes;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeCatalogChanges() {
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(CatalogChangeProcess.KEY)
        .list()
        .forEach(review -> runtimeService.deleteProcessInstance(review.getId(), "test cleanup"));
    CatalogProposals.removeCatalogChanges(jdbc);
  }

  @Test
  void theOrderFormOffersTheServicesAndRequestTypesOfTheCatalogInForce() throws Exception {
    JsonNode form = orderFormAsTasklistFetchesIt();

    assertThat(field(form, Variables.SERVICE_CODE).has("valuesKey")).as("the data is in the form").isFalse();
    assertThat(options(field(form, Variables.SERVICE_CODE)))
        .containsExactlyElementsOf(catalog.list().stream().map(s -> s.name() + "=" + s.code()).toList());
    String requestTypes = field(form, Variables.REQUEST_TYPE).path("valuesExpression").asText();
    for (ServiceSummary service : catalog.list()) {
      catalog.get(service.code()).requestTypes().forEach(type ->
          assertThat(requestTypes).contains(
              "{service: \"" + service.code() + "\", label: \"" + type.name() + "\", value: \"" + type.code() + "\"}"));
    }
    assertThat(requestTypes).startsWith("=[{service: ").endsWith("][service = serviceCode]");

    publish(CatalogProposals.newService(NEW_SERVICE).effectiveFrom(Instant.now()));
    publish(CatalogProposals.from(catalog.get("NETWORK_ACCESS")).withoutRequestType("VPN_ACCESS")
        .effectiveFrom(Instant.now()));
    publish(CatalogProposals.newService("LATER_SERVICE").effectiveFrom(Instant.now().plus(Duration.ofDays(7))));

    JsonNode changed = orderFormAsTasklistFetchesIt();
    assertThat(options(field(changed, Variables.SERVICE_CODE)))
        .contains("Printer setup=" + NEW_SERVICE)
        .noneMatch(option -> option.endsWith("=LATER_SERVICE"));
    String changedTypes = field(changed, Variables.REQUEST_TYPE).path("valuesExpression").asText();
    assertThat(changedTypes)
        .contains("{service: \"" + NEW_SERVICE + "\", label: \"New printer for a team\", value: \"NEW_PRINTER\"}")
        .doesNotContain("VPN_ACCESS", "LATER_SERVICE")
        .contains("value: \"NEW_ACCESS\"");
  }

  @Test
  void theOptionsAreNoFieldsOfTheForm() throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, Object> order = SampleRequests.vpnRequest();
    order.put(Variables.IMPACT, "HIGH");
    order.put(Variables.URGENCY, "HIGH");
    order.put(OrderForm.SERVICES, "[]");
    order.put(OrderForm.REQUEST_TYPES, "[]");
    order.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    long before = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<String> start =
        call("/engine-rest/process-definition/key/" + ServiceDeliveryProcess.KEY + "/submit-form",
            Map.of("variables", variables));

    assertThat(start.getStatusCode()).as("%s", start.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> refused = new ArrayList<>();
    JSON.readTree(start.getBody()).path("errors").forEach(error -> refused.add(error.path("field").asText()));
    assertThat(refused).containsExactlyInAnyOrder(OrderForm.SERVICES, OrderForm.REQUEST_TYPES);
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);
  }

  private JsonNode orderFormAsTasklistFetchesIt() throws Exception {
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(browser.camundaLogin("default", "coordinator", "coordinator").statusCode()).isEqualTo(200);
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion().singleResult().getId();
    HttpResponse<String> form =
        browser.get("/camunda/api/engine/engine/default/process-definition/" + definitionId + "/deployed-start-form");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    JsonNode schema = JSON.readTree(form.body());
    assertThat(schema.path("id").asText()).isEqualTo(OrderForm.FORM_ID);
    return schema;
  }

  private void publish(CatalogProposals proposal) {
    CatalogChangeRequest change = changes.propose(proposal.reason("Order form options test").build(), "analyst");
    changes.approve(change.id(), "opsmanager", "Agreed");
  }

  private static JsonNode field(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("The order form has no field " + key);
  }

  /** The field's static options as label=value. */
  private static List<String> options(JsonNode field) {
    List<String> options = new ArrayList<>();
    field.path("values").forEach(o -> options.add(o.path("label").asText() + "=" + o.path("value").asText()));
    return options;
  }

  private ResponseEntity<String> call(String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("coordinator", "coordinator")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
