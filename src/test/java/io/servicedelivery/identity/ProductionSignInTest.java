package io.servicedelivery.identity;

import io.servicedelivery.testsupport.HttpBrowser;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.ServiceDeliveryApplication;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prod profile behind a load balancer ({@code server.forward-headers-strategy=native}: the client's address comes
 * from {@code X-Forwarded-For}, here from the test's own, trusted, loopback address): the API's documentation for
 * signed-in users only, and failed sign-ins that slow down the address they come from, on every way in, without
 * keeping the user out elsewhere.
 */
class ProductionSignInTest {

  private static final String DATABASE = "jdbc:h2:mem:prod-sign-in-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private static final String PASSWORD = "right-password";

  private static ConfigurableApplicationContext node;
  private static int port;
  private static String engine;

  @BeforeAll
  static void start() {
    node =
        new SpringApplicationBuilder(ServiceDeliveryApplication.class)
            .profiles("prod", "test")
            .run(
                "--spring.datasource.url=" + DATABASE,
                "--server.port=0",
                "--server.forward-headers-strategy=native",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--servicedelivery.admin.id=boss",
                "--servicedelivery.admin.password=" + PASSWORD);
    port = ((WebServerApplicationContext) node).getWebServer().getPort();
    engine = node.getBean(ProcessEngine.class).getName();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theApiDocumentationIsForSignedInUsersOnly() throws Exception {
    String scraper = user(io.servicedelivery.identity.Groups.MONITORING);
    String portal = user(io.servicedelivery.identity.Groups.API_CLIENTS);
    HttpBrowser client = new HttpBrowser(port);
    for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/v3/api-docs/swagger-config")) {
      HttpResponse<String> anonymous = client.get(path);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).isPresent();
      assertThat(client.basic(path, scraper, PASSWORD).statusCode()).as(path).isEqualTo(403);
      assertThat(client.basic(path, portal, PASSWORD).statusCode()).as(path).isEqualTo(200);
      HttpResponse<String> boss = client.basic(path, "boss", PASSWORD);
      assertThat(boss.statusCode()).as(path).isEqualTo(200);
      assertThat(boss.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
    assertThat(client.basic("/v3/api-docs", "boss", PASSWORD).body()).contains("/api/service-requests");
  }

  @Test
  void wrongPasswordsOverHttpBasicSlowDownTheirAddressNotTheUser() throws Exception {
    String portal = user(io.servicedelivery.identity.Groups.API_CLIENTS);
    HttpBrowser attacker = new HttpBrowser(port, "203.0.113.7");
    HttpBrowser portalItself = new HttpBrowser(port, "198.51.100.20");

    for (int attempt = 1; attempt <= LoginThrottle.FREE_FAILURES; attempt++) {
      assertThat(attacker.basic("/api/catalog/services", portal, "guess-" + attempt).statusCode())
          .as("guess " + attempt)
          .isEqualTo(401);
    }
    HttpResponse<String> throttled = attacker.basic("/api/catalog/services", portal, PASSWORD);
    assertThat(throttled.statusCode()).as("the right password, from the guessing address").isEqualTo(429);
    assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(throttled.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, LoginThrottle.FIRST_PAUSE.toSeconds()));
    // the same count on every way in: the engine's REST API, the webapps' login, the dashboard's login form
    assertThat(attacker.basic("/engine-rest/engine/" + engine + "/task", portal, PASSWORD).statusCode())
        .isEqualTo(429);
    assertThat(attacker.camundaLogin(engine, portal, PASSWORD).statusCode()).isEqualTo(429);
    assertThat(attacker.signIn(portal, PASSWORD).statusCode()).isEqualTo(429);
    assertThat(attacker.basic("/api/catalog/services", portal.toUpperCase(), PASSWORD).statusCode())
        .as("the user id in capitals")
        .isEqualTo(429);

    // the portal's own address signs in at once: Camunda has not locked the account
    long start = System.nanoTime();
    assertThat(portalItself.basic("/api/catalog/services", portal, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(System.nanoTime() - start).as("no delay").isLessThan(5_000_000_000L);
    assertThat(node.getBean(IdentityService.class).checkPassword(portal, PASSWORD)).isTrue();
    // and other users from the attacker's address are not affected
    assertThat(attacker.basic("/api/catalog/services", "boss", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongPasswordsOnTheWebappsLoginAreCountedToo() throws Exception {
    String coordinator = user(io.servicedelivery.identity.Groups.SERVICE_COORDINATORS);
    HttpBrowser attacker = new HttpBrowser(port, "203.0.113.8");
    for (int attempt = 1; attempt <= LoginThrottle.FREE_FAILURES; attempt++) {
      assertThat(attacker.camundaLogin(engine, coordinator, "guess-" + attempt).statusCode())
          .as("guess " + attempt)
          .isEqualTo(401);
    }
    assertThat(attacker.camundaLogin(engine, coordinator, PASSWORD).statusCode()).isEqualTo(429);

    HttpResponse<String> elsewhere = new HttpBrowser(port, "198.51.100.21").camundaLogin(engine, coordinator, PASSWORD);
    assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
    assertThat(elsewhere.body()).contains("\"userId\":\"" + coordinator + "\"");
  }

  @Test
  void wrongPasswordsOnTheDashboardsLoginAreCountedToo() throws Exception {
    String manager = user(io.servicedelivery.identity.Groups.OPERATIONS_MANAGERS);
    HttpBrowser attacker = new HttpBrowser(port, "203.0.113.9");
    for (int attempt = 1; attempt <= LoginThrottle.FREE_FAILURES; attempt++) {
      HttpResponse<String> refused = attacker.signIn(manager, "guess-" + attempt);
      assertThat(refused.headers().firstValue("Location")).as("guess " + attempt).hasValue(attacker.url("/login?error"));
    }
    assertThat(attacker.signIn(manager, PASSWORD).statusCode()).isEqualTo(429);

    HttpBrowser elsewhere = new HttpBrowser(port, "198.51.100.22");
    assertThat(elsewhere.signIn(manager, PASSWORD).headers().firstValue("Location"))
        .hasValue(elsewhere.url("/dashboard"));
    assertThat(elsewhere.get("/dashboard").statusCode()).isEqualTo(200);
  }

  @Test
  void aSuccessfulSignInEndsTheCount() throws Exception {
    String analyst = user(io.servicedelivery.identity.Groups.RESOURCE_ANALYSTS);
    HttpBrowser typist = new HttpBrowser(port, "203.0.113.10");
    for (int round = 0; round < 3; round++) {
      for (int attempt = 1; attempt < LoginThrottle.FREE_FAILURES; attempt++) {
        assertThat(typist.basic("/api/catalog/services", analyst, "typo").statusCode()).isEqualTo(401);
      }
      assertThat(typist.basic("/api/catalog/services", analyst, PASSWORD).statusCode()).isEqualTo(200);
    }
  }

  /** a new user with {@link #PASSWORD} in the group */
  private static String user(String group) {
    IdentityService identityService = node.getBean(IdentityService.class);
    String id = "u" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    return id;
  }
}
