package io.servicedelivery.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servicedelivery.ServiceDeliveryApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A start in the {@code prod} profile: without an administrator configured it refuses to start on a database that
 * has none; with one it creates it, and later starts without the configuration keep it. No demo users, no demo
 * people in the resource pool, Swagger UI only after sign-in, and Camunda's first-run set-up page stays shut.
 */
class ProductionStartTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String database = "jdbc:h2:mem:production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @Test
  void theFirstAdministratorComesFromTheConfigurationNeverFromTheSetupPage() throws Exception {
    assertThatThrownBy(() -> start().close())
        .hasStackTraceContaining("SERVICEDELIVERY_ADMIN_ID")
        .hasStackTraceContaining("SERVICEDELIVERY_ADMIN_PASSWORD");

    try (ConfigurableApplicationContext node =
        start("servicedelivery.admin.id=boss", "servicedelivery.admin.password=s3cret-enough")) {
      IdentityService identityService = node.getBean(IdentityService.class);
      assertThat(identityService.checkPassword("boss", "s3cret-enough")).isTrue();
      assertThat(identityService.createGroupQuery().groupMember("boss").list())
          .extracting(group -> group.getId())
          .contains(Groups.CAMUNDA_ADMIN)
          .containsAll(io.servicedelivery.identity.Groups.ALL);
      assertThat(identityService.createUserQuery().list()).extracting(user -> user.getId()).containsExactly("boss");
      assertThat(node.getBean(JdbcClient.class).sql("select user_id from staff_resource").query(String.class).list())
          .as("no demo people in the resource pool")
          .isEmpty();

      // the API's documentation for signed-in users only (ProductionSignInTest)
      assertThat(get(node, "/swagger-ui/index.html")).isEqualTo(401);
      assertThat(get(node, "/v3/api-docs")).isEqualTo(401);
      assertThat(post(node, "/camunda/api/admin/setup/default/user/create")).isEqualTo(403);
    }

    try (ConfigurableApplicationContext node = start()) {
      assertThat(node.getBean(IdentityService.class).checkPassword("boss", "s3cret-enough")).isTrue();
    }
  }

  private ConfigurableApplicationContext start(String... properties) {
    // as arguments, which win over the test profile's private database
    List<String> arguments = new ArrayList<>();
    for (String property : properties) {
      arguments.add("--" + property);
    }
    arguments.add("--spring.datasource.url=" + database);
    arguments.add("--server.port=0");
    arguments.add("--camunda.bpm.generate-unique-process-engine-name=true");
    return new SpringApplicationBuilder(ServiceDeliveryApplication.class)
        .profiles("prod", "test")
        .run(arguments.toArray(String[]::new));
  }

  private static int get(ConfigurableApplicationContext node, String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(node, path)).GET().build());
  }

  private static int post(ConfigurableApplicationContext node, String path) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(node, path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"))
            .build());
  }

  private static int send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static URI uri(ConfigurableApplicationContext node, String path) {
    int port = ((WebServerApplicationContext) node).getWebServer().getPort();
    return URI.create("http://localhost:" + port + path);
  }
}
