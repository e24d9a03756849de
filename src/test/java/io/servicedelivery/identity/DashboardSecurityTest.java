package io.servicedelivery.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.testsupport.TemporaryUsers;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's sign-in over HTTP, as a browser does it: the login page with its CSRF token, a session for the
 * dashboard, operations managers only; and what that session may do on {@code /api} (read, never write), while
 * {@code /api} stays stateless HTTP Basic for its clients.
 */
@WebIntegrationTest
@ExcludeFromProcessCoverage
class DashboardSecurityTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String ACTIVITIES = "/dashboard/api/activities?from=2026-09-01&to=2026-09-02";
  private static final String KPIS = "/api/kpis?from=2026-09-01&to=2026-09-02";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @Test
  void anonymousPeopleAreSentToTheLoginPageAndScriptsGet401() throws Exception {
    Browser anonymous = new Browser();

    HttpResponse<String> dashboard = anonymous.get("/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(302);
    assertThat(dashboard.headers().firstValue("Location")).hasValue(url("/login"));
    HttpResponse<String> login = anonymous.get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("<form method=\"post\" action=\"/login\">").containsPattern(CSRF);

    assertThat(anonymous.get(ACTIVITIES).statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/dashboard/api/process-map/diagram").statusCode()).isEqualTo(401);
  }

  @Test
  void anOperationsManagerSignsInAndReadsTheDashboardAndTheKpisWithTheSession() throws Exception {
    Browser manager = new Browser();
    HttpResponse<String> signedIn = manager.signIn("manager", "manager");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location")).hasValue(url("/dashboard"));

    HttpResponse<String> dashboard = manager.get("/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("<title>Service delivery dashboard</title>");
    assertThat(manager.get(ACTIVITIES).statusCode()).isEqualTo(200);
    assertThat(manager.get("/dashboard/api/session").body()).contains("\"user\":\"manager\"");
    // /api reads with the session: the KPI tiles
    assertThat(manager.get(KPIS).statusCode()).isEqualTo(200);
  }

  @Test
  void theSessionNeverWritesThroughTheApi() throws Exception {
    Browser manager = new Browser();
    manager.signIn("manager", "manager");

    HttpResponse<String> write =
        manager.send(
            HttpRequest.newBuilder(URI.create(url("/api/service-requests")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(write.statusCode()).isEqualTo(401);
  }

  @Test
  void somebodyWhoIsNoOperationsManagerIsRefused() throws Exception {
    Browser staff = new Browser();
    staff.signIn("staff1", "staff1");

    HttpResponse<String> dashboard = staff.get("/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(403);
    assertThat(dashboard.body()).contains("The dashboard is for operations managers").contains(">staff1<");
    HttpResponse<String> data = staff.get(ACTIVITIES);
    assertThat(data.statusCode()).isEqualTo(403);
    assertThat(data.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(staff.get(KPIS).statusCode()).isEqualTo(403);
  }

  @Test
  void aWrongPasswordGoesBackToTheLoginPage() throws Exception {
    // not a demo user: Camunda delays the next login of a user whose password was wrong
    String userId = TemporaryUsers.create(identityService);
    HttpResponse<String> refused = new Browser().signIn(userId, "wrong");
    identityService.deleteUser(userId);

    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location")).hasValue(url("/login?error"));
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    Browser manager = new Browser();
    manager.signIn("manager", "manager");
    String token = manager.get("/dashboard/api/session").body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");

    HttpResponse<String> signedOut = manager.postForm("/logout", Map.of("_csrf", token));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Location")).hasValue(url("/login?logout"));
    assertThat(manager.get("/dashboard").statusCode()).isEqualTo(302);
    assertThat(manager.get(KPIS).statusCode()).isEqualTo(401);
  }

  @Test
  void theApiStaysStatelessHttpBasic() throws Exception {
    Browser client = new Browser();
    HttpResponse<String> basic =
        client.send(
            HttpRequest.newBuilder(URI.create(url("/api/catalog/services")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:manager".getBytes()))
                .GET());
    assertThat(basic.statusCode()).isEqualTo(200);
    assertThat(basic.headers().firstValue("Set-Cookie")).isEmpty();

    HttpResponse<String> anonymous = client.get("/api/catalog/services");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"service-delivery\"");
    // the dashboard's scripts get no password dialog when the session has ended
    HttpResponse<String> script =
        client.send(
            HttpRequest.newBuilder(URI.create(url("/api/catalog/services")))
                .header("X-Requested-With", "XMLHttpRequest")
                .GET());
    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Keeps its cookies like a browser; follows no redirect, so that each can be checked. */
  private final class Browser {

    private final HttpClient http =
        HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
      Matcher csrf = CSRF.matcher(get("/login").body());
      assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
      return postForm("/login", Map.of("username", user, "password", password, "_csrf", csrf.group(1)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
      String form =
          fields.entrySet().stream()
              .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
