package io.servicedelivery.identity;

import io.servicedelivery.testsupport.HttpBrowser;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.testsupport.TemporaryUsers;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may use {@code /api} at all, the security headers on every kind of answer, the dashboard's
 * Content-Security-Policy, the session cookie's attributes and {@code /error} asked for directly.
 */
@WebIntegrationTest
@ExcludeFromProcessCoverage
class ApiAccessAndHeadersTest {

  private static final List<String> API_PATHS = List.of("/api/service-requests", "/api/catalog/services");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @Test
  void monitoringAndUsersInNoGroupGet403OnTheApi() throws Exception {
    String nobody = TemporaryUsers.create(identityService);
    User user = identityService.createUserQuery().userId(nobody).singleResult();
    user.setPassword("no-group-password");
    identityService.saveUser(user);
    try {
      HttpBrowser client = new HttpBrowser(port);
      for (String path : API_PATHS) {
        for (String[] caller :
            List.of(new String[] {"prometheus", "prometheus"}, new String[] {nobody, "no-group-password"})) {
          HttpResponse<String> refused = client.basic(path, caller[0], caller[1]);
          assertThat(refused.statusCode()).as(caller[0] + " " + path).isEqualTo(403);
          assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        for (String allowed : List.of("portal", "coordinator", "staff1", "qa", "analyst", "manager")) {
          assertThat(client.basic(path, allowed, allowed).statusCode()).as(allowed + " " + path).isEqualTo(200);
        }
      }
    } finally {
      identityService.deleteUser(nobody);
    }
  }

  @Test
  void theApiClientsAccountsAreForOperationsManagers() throws Exception {
    HttpBrowser client = new HttpBrowser(port);
    for (String other : List.of("portal", "coordinator", "qa", "prometheus")) {
      assertThat(client.basic("/api/api-clients", other, other).statusCode()).as(other).isEqualTo(403);
      assertThat(client.basic("/api/api-clients/x", other, other).statusCode()).as(other).isEqualTo(403);
    }
    assertThat(client.basic("/api/api-clients", "manager", "manager").statusCode()).isNotIn(401, 403);
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
    HttpBrowser client = new HttpBrowser(port);
    List<HttpResponse<String>> answers =
        List.of(
            client.get("/engine-rest/engine"),
            client.basic("/engine-rest/engine/default/task", "coordinator", "coordinator"),
            client.get("/engine-rest/engine/default/task"),
            client.get("/v3/api-docs"),
            client.get("/swagger-ui/index.html"),
            client.basic("/api/catalog/services", "portal", "portal"),
            client.get("/api/catalog/services"),
            client.get("/dashboard"),
            client.get("/login"),
            client.get("/camunda/app/tasklist/default/"),
            client.get("/error"),
            client.get("/no-such-page"));
    for (HttpResponse<String> answer : answers) {
      String what = answer.uri().getPath() + " (" + answer.statusCode() + ")";
      assertThat(answer.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
      assertThat(answer.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
      assertThat(answer.headers().allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
      assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(what + ": HTTP, no HSTS").isEmpty();
    }
    for (HttpResponse<String> apiAnswer : List.of(answers.get(0), answers.get(1), answers.get(3), answers.get(5))) {
      assertThat(apiAnswer.statusCode()).as(apiAnswer.uri().toString()).isEqualTo(200);
      // one Cache-Control: ours (no-store), or the engine REST API's own (no-cache), never both
      assertThat(apiAnswer.headers().allValues("Cache-Control"))
          .as(apiAnswer.uri().toString())
          .singleElement()
          .asString()
          .containsAnyOf("no-store", "no-cache");
    }
    assertThat(answers.get(3).headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(answers.get(5).headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(answers.get(4).statusCode()).isEqualTo(200);
    // Camunda's webapps keep their one Content-Security-Policy of their own
    HttpResponse<String> tasklist = answers.get(9);
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement().asString()
        .contains("frame-ancestors 'none'");
  }

  @Test
  void errorAskedForDirectlyIsNoServerError() throws Exception {
    HttpResponse<String> error = new HttpBrowser(port).get("/error");
    assertThat(error.statusCode()).isEqualTo(404);
    assertThat(error.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    // a real error of a path outside the chains still reaches the error page, with its own status
    assertThat(new HttpBrowser(port).get("/no-such-page").statusCode()).isEqualTo(404);
  }

  @Test
  void theDashboardHasAContentSecurityPolicyWithoutInlineScripts() throws Exception {
    HttpBrowser manager = new HttpBrowser(port);
    String loginPolicy = manager.get("/login").headers().firstValue("Content-Security-Policy").orElseThrow();
    manager.signIn("manager", "manager");
    HttpResponse<String> dashboard = manager.get("/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    List<String> policies = dashboard.headers().allValues("Content-Security-Policy");
    assertThat(policies).containsExactly(loginPolicy);
    String policy = policies.get(0);
    assertThat(policy)
        .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'",
            "base-uri 'self'", "form-action 'self'")
        .containsPattern("style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;")
        .doesNotContain("unsafe-eval");
    assertThat(policy.replace("style-src-attr 'unsafe-inline'", "")).doesNotContain("unsafe-inline");
    // nothing inline for the policy to refuse: the scripts come from files
    assertThat(dashboard.body())
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
        .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
    assertThat(dashboard.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    HttpBrowser manager = new HttpBrowser(port);
    HttpResponse<String> signedIn = manager.signIn("manager", "manager");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String cookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("SESSION="))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new AssertionError("no SESSION cookie: " + signedIn.headers().map()));
    assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Lax").contains("; Path=/");
    // Secure follows the request: only over HTTPS (behind a proxy: server.forward-headers-strategy)
    assertThat(cookie).doesNotContain("Secure");
  }
}
