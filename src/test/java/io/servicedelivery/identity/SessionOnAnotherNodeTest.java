package io.servicedelivery.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.ServiceDeliveryApplication;
import io.servicedelivery.intake.ApiRequests;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the application behind a load balancer, on one database (issue 11): a person signed in to Tasklist
 * and to the dashboard through one node is signed in on the other, and a sign-out on one is a sign-out on both,
 * Camunda's own (which changes its Authentications in place) included; the calls Tasklist makes at once after its
 * login all succeed ({@link WebappLoginCsrfToken}). API clients, stateless with HTTP Basic, get no session and cost no
 * session statement.
 *
 * <p>Each node is a whole application of its own (its Tomcat, its session filter, its process engine) on one shared
 * in-memory database. Both engines carry one name, as "default" does on every node in production: Camunda's webapps
 * key the signed-in user by the engine's name. The name is unique to this test, since engines are looked up by name
 * JVM-wide ({@code ProcessEngines}), where the other tests' "default" lives; the same lookup gives both nodes'
 * webapps the engine started last, which makes no difference here, both engines working on the one database.
 */
class SessionOnAnotherNodeTest {

  /** Camunda refuses a name with a hyphen */
  private static final String ENGINE = "node" + UUID.randomUUID().toString().substring(0, 8);
  private static final String DATABASE = "jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String KPIS = "/api/kpis?from=2026-09-01&to=2026-09-02";
  private static final String CAMUNDA_USER = "/camunda/api/admin/auth/user/" + ENGINE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Node a;
  private static Node b;

  @BeforeAll
  static void startTwoNodes() {
    // one after the other: the first creates the schema, the users and the deployments, the second finds them
    a = Node.start();
    b = Node.start();
  }

  @AfterAll
  static void stopTheNodes() throws SQLException {
    if (b != null) {
      b.context.close();
    }
    if (a != null) {
      a.context.close();
    }
    try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "")) {
      connection.createStatement().execute("shutdown");
    }
  }

  @BeforeEach
  void forgetStatements() {
    a.sessionStatements.clear();
    b.sessionStatements.clear();
  }

  @Test
  void signedInOnOneNodeIsSignedInOnTheOther() throws Exception {
    Browser browser = new Browser();
    browser.signInToTasklist(a, "manager");
    browser.signInToTheDashboard(a, "manager");

    HttpResponse<String> dashboard = browser.get(b, "/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains("<title>Service delivery dashboard</title>");
    assertThat(browser.json(b, "/dashboard/api/session").path("user").asText()).isEqualTo("manager");
    assertThat(browser.get(b, KPIS).statusCode()).as("the KPI tiles read /api with the session").isEqualTo(200);

    assertThat(browser.json(b, CAMUNDA_USER).path("userId").asText()).isEqualTo("manager");
    HttpResponse<String> tasks = browser.get(b, "/camunda/api/engine/engine/" + ENGINE + "/task");
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(JSON.readTree(tasks.body()).isArray()).isTrue();
  }

  @Test
  void signingOutOnOneNodeSignsOutOnTheOther() throws Exception {
    Browser browser = new Browser();
    browser.signInToTasklist(a, "manager");
    browser.signInToTheDashboard(a, "manager");

    // Camunda's sign-out only takes the user out of the session's Authentications, in place
    assertThat(browser.camundaPost(b, CAMUNDA_USER + "/logout").statusCode()).isEqualTo(200);
    assertThat(browser.get(a, CAMUNDA_USER).statusCode()).as("Tasklist's login on the other node").isEqualTo(404);
    assertThat(browser.get(a, "/dashboard").statusCode()).as("the session itself lives on").isEqualTo(200);

    String token = browser.json(b, "/dashboard/api/session").path("csrfToken").asText();
    HttpResponse<String> signedOut = browser.postForm(b, "/logout", Map.of("_csrf", token));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Location")).hasValue(b.url("/login?logout"));

    HttpResponse<String> dashboard = browser.get(a, "/dashboard");
    assertThat(dashboard.statusCode()).isEqualTo(302);
    assertThat(dashboard.headers().firstValue("Location")).hasValue(a.url("/login"));
    assertThat(browser.get(a, KPIS).statusCode()).isEqualTo(401);
  }

  @Test
  void theCallsTasklistMakesAtOnceAfterItsLoginAllSucceedOnEitherNode() throws Exception {
    Browser browser = new Browser();
    browser.signInToTasklist(a, "manager");
    String token = browser.camundaCsrfToken();

    ExecutorService tasklist = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Node node = i % 2 == 0 ? a : b;
        calls.add(tasklist.submit(() -> browser.get(node, "/camunda/api/engine/engine/" + ENGINE + "/task")));
      }
      for (Future<HttpResponse<String>> call : calls) {
        assertThat(call.get().statusCode()).as(call.get().body()).isEqualTo(200);
      }
    } finally {
      tasklist.shutdownNow();
    }

    assertThat(browser.camundaCsrfToken()).as("the CSRF token the login was sent with").isEqualTo(token);
    assertThat(browser.camundaPost(b, CAMUNDA_USER + "/logout").statusCode()).as("a change").isEqualTo(200);
  }

  @Test
  void apiClientsGetNoSessionAndCostNoSessionStatement() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long sessions = sessionCount();

    HttpResponse<String> submitted =
        client.send(
            basic(a, "/api/service-requests", "portal")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(ApiRequests.vpnRequest(null))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String requestId = JSON.readTree(submitted.body()).path("requestId").asText();
    List<HttpResponse<String>> calls =
        List.of(
            submitted,
            client.send(basic(b, "/api/service-requests/" + requestId, "portal").GET().build(),
                HttpResponse.BodyHandlers.ofString()),
            client.send(
                basic(b, "/engine-rest/engine/" + ENGINE + "/task?processInstanceBusinessKey=" + requestId,
                        "coordinator")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString()),
            client.send(basic(a, "/actuator/health", "prometheus").GET().build(),
                HttpResponse.BodyHandlers.ofString()));

    assertThat(calls).allSatisfy(call -> {
      assertThat(call.statusCode()).as(call.uri() + " " + call.body()).isBetween(200, 201);
      assertThat(call.headers().allValues("Set-Cookie")).as(call.uri().toString()).isEmpty();
    });
    assertThat(a.sessionStatements).isEmpty();
    assertThat(b.sessionStatements).isEmpty();
    assertThat(sessionCount()).isEqualTo(sessions);

    // the same watch sees a call with a session cookie read its session
    Browser browser = new Browser();
    browser.signInToTheDashboard(a, "manager");
    assertThat(browser.get(b, "/dashboard").statusCode()).isEqualTo(200);
    assertThat(b.sessionStatements).isNotEmpty();
  }

  private static long sessionCount() {
    return a.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
  }

  private static HttpRequest.Builder basic(Node node, String path, String user) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(node.url(path))).header("Authorization", "Basic " + credentials);
  }

  /** One node: the application on a port of its own, on the shared database. */
  private record Node(
      ServletWebServerApplicationContext context, JdbcClient jdbc, List<String> sessionStatements) {

    static Node start() {
      ServletWebServerApplicationContext context =
          (ServletWebServerApplicationContext)
              new SpringApplicationBuilder(ServiceDeliveryApplication.class, WatchedSessionStatements.class)
                  .profiles("test", "demo")
                  .initializers(
                      started ->
                          started.getBeanFactory().registerSingleton("withoutTestConfigurations",
                              new WithoutTestConfigurations()))
                  // arguments: the test profile's own database (one per context) is overridden
                  .run(
                      "--server.port=0",
                      "--spring.datasource.url=" + DATABASE,
                      "--camunda.bpm.process-engine-name=" + ENGINE,
                      // no mail is sent here, and no mail server listens: the health status leaves it out
                      "--servicedelivery.mail.demo-server.enabled=false",
                      "--management.health.mail.enabled=false");
      return new Node(
          context,
          context.getBean(JdbcClient.class),
          context.getBean(SessionStatements.class).statements);
    }

    String url(String path) {
      return "http://localhost:" + context.getWebServer().getPort() + path;
    }
  }

  /** Puts {@link SessionStatements} around a node's data source, before anybody gets it. */
  @TestConfiguration(proxyBeanMethods = false)
  static class WatchedSessionStatements {

    @Bean
    static SessionStatements sessionStatements() {
      return new SessionStatements();
    }

    @Bean
    static BeanPostProcessor sessionStatementsDataSource(SessionStatements listener) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(listener).build();
          }
          return bean;
        }
      };
    }
  }

  /** The statements on the session tables that a node's request threads (Tomcat's) ran. */
  static final class SessionStatements implements QueryExecutionListener {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      if (Thread.currentThread().getName().startsWith("http-nio-")) {
        queries.stream()
            .map(QueryInfo::getQuery)
            .filter(sql -> sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION"))
            .forEach(statements::add);
      }
    }
  }

  /**
   * Leaves the tests' own configurations ({@code @TestConfiguration}, such as the connection watch) out of a node's
   * component scan, as {@code @SpringBootTest} does; a node is started without it.
   */
  static final class WithoutTestConfigurations extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      return reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
          || reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WithoutTestConfigurations;
    }

    @Override
    public int hashCode() {
      return WithoutTestConfigurations.class.hashCode();
    }
  }

  /**
   * One browser in front of the load balancer: its cookies go to either node. Follows no redirect, so that each can
   * be checked.
   */
  private static final class Browser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http =
        HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Camunda's webapp login, as Tasklist's login form sends it, with the CSRF token of a first call. */
    void signInToTasklist(Node node, String user) throws IOException, InterruptedException {
      get(node, CAMUNDA_USER);
      HttpResponse<String> login =
          send(
              HttpRequest.newBuilder(URI.create(node.url(CAMUNDA_USER + "/login/tasklist")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", camundaCsrfToken())
                  .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", user)))));
      assertThat(login.statusCode()).as("Tasklist login: " + login.body()).isEqualTo(200);
    }

    /** The dashboard's login page; after Tasklist's login, which starts a session of its own. */
    void signInToTheDashboard(Node node, String user) throws IOException, InterruptedException {
      Matcher csrf = CSRF.matcher(get(node, "/login").body());
      assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
      HttpResponse<String> login =
          postForm(node, "/login", Map.of("username", user, "password", user, "_csrf", csrf.group(1)));
      assertThat(login.headers().firstValue("Location")).hasValue(node.url("/dashboard"));
    }

    /** A change through Camunda's webapp API, with the CSRF token of the cookie in a header, as Tasklist sends it. */
    HttpResponse<String> camundaPost(Node node, String path) throws IOException, InterruptedException {
      return send(
          HttpRequest.newBuilder(URI.create(node.url(path)))
              .header("X-XSRF-TOKEN", camundaCsrfToken())
              .POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(URI.create(node.url(path))).GET());
    }

    JsonNode json(Node node, String path) throws IOException, InterruptedException {
      HttpResponse<String> response = get(node, path);
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    HttpResponse<String> postForm(Node node, String path, Map<String, String> fields)
        throws IOException, InterruptedException {
      return send(
          HttpRequest.newBuilder(URI.create(node.url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private String camundaCsrfToken() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .reduce((first, last) -> last)
          .orElseThrow(() -> new AssertionError("Camunda set no XSRF-TOKEN cookie"));
    }

    private static String form(Map<String, String> fields) {
      return fields.entrySet().stream()
          .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
