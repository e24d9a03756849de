package io.servicedelivery.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.testsupport.HttpBrowser;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The what-if page and its POST /dashboard/api/simulations, as the page's script calls them: signed in to the
 * dashboard, with the session's CSRF token; operations managers only.
 */
@WebIntegrationTest
class SimulationDashboardTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUESTION =
      "{\"from\":\"2025-01-06T00:00:00Z\",\"to\":\"2025-01-13T00:00:00Z\",\"replications\":2,"
          + "\"changes\":{\"arrivalsPercent\":10}}";

  @LocalServerPort int port;

  @Test
  void aSignedInManagerAsksWithTheSessionsCsrfToken() throws Exception {
    HttpBrowser browser = new HttpBrowser(port);
    browser.signIn("manager", "manager");

    HttpResponse<String> page = browser.get("/dashboard/simulation.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"/dashboard/simulation.js\"></script>");
    assertThat(browser.get("/dashboard/simulation.js").statusCode()).isEqualTo(200);
    assertThat(browser.get("/dashboard").body()).contains("href=\"/dashboard/simulation.html\"");

    String token = JSON.readTree(browser.get("/dashboard/api/session").body()).path("csrfToken").asText();
    HttpResponse<String> answer = post(browser, QUESTION, token);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("replications").asInt()).isEqualTo(2);
    assertThat(body.path("figures").size()).isEqualTo(Figure.values().length);

    HttpResponse<String> invalid = post(browser, QUESTION.replace("\"replications\":2", "\"replications\":99"), token);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(invalid.body()).path("errors").findValuesAsText("field")).containsExactly("replications");
  }

  @Test
  void withoutTheCsrfTokenOrAsAnotherGroupTheQuestionIsRefused() throws Exception {
    HttpBrowser manager = new HttpBrowser(port);
    manager.signIn("manager", "manager");
    assertThat(post(manager, QUESTION, null).statusCode()).isEqualTo(403);

    HttpBrowser coordinator = new HttpBrowser(port);
    coordinator.signIn("coordinator", "coordinator");
    assertThat(coordinator.get("/dashboard/simulation.html").statusCode()).isEqualTo(403);

    // nobody signed in has no session's token either: refused by the CSRF check before sign-in is asked for
    assertThat(post(new HttpBrowser(port), QUESTION, null).statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> post(HttpBrowser browser, String body, String csrfToken) throws Exception {
    HttpRequest.Builder request =
        browser.request("/dashboard/api/simulations")
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrfToken != null) {
      request.header("X-CSRF-TOKEN", csrfToken);
    }
    return browser.send(request);
  }
}
