package io.servicedelivery.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the tests on PostgreSQL instead of H2 when the build asks for it (system property {@code
 * servicedelivery.test.database=postgresql}, set by the Maven profile {@code postgresql}, which is active when {@code
 * SERVICEDELIVERY_TEST_POSTGRES_URL} names a server). Each in-memory H2 database a test context would have used
 * becomes a database of its own on that server, created on first use and dropped when the test JVM ends: a context
 * with a private database gets a private one, contexts sharing one H2 URL share one database. Registered in {@code
 * META-INF/spring.factories}, so it applies to every Spring application a test starts.
 */
public class TestDatabases implements EnvironmentPostProcessor {

  static final String SWITCH = "servicedelivery.test.database";

  private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();
  private static final AtomicInteger COUNT = new AtomicInteger();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!"postgresql".equals(System.getProperty(SWITCH))) {
      return;
    }
    String h2Url = environment.getProperty("spring.datasource.url", "");
    if (!h2Url.startsWith("jdbc:h2:mem:")) {
      return;
    }
    String database = DATABASES.computeIfAbsent(h2Url, url -> create());
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "postgresql-test-database",
                Map.of(
                    "spring.datasource.url", urlOf(database),
                    "spring.datasource.username", server().user(),
                    "spring.datasource.password", server().password(),
                    // the test contexts stay cached: each keeps one idle connection, not eight
                    "spring.datasource.hikari.minimum-idle", "1")));
  }

  /** Whether the tests run on PostgreSQL. */
  public static boolean onPostgresql() {
    return "postgresql".equals(System.getProperty(SWITCH));
  }

  private static String create() {
    String name = "sdo_test_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
    execute("create database " + name);
    return name;
  }

  private static void dropAll() {
    DATABASES.values().forEach(name -> execute("drop database if exists " + name + " with (force)"));
  }

  private static void execute(String sql) {
    Server server = server();
    try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on " + server.url() + ": " + e.getMessage(), e);
    }
  }

  private static String urlOf(String database) {
    String url = server().url();
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : url.substring(query));
  }

  private record Server(String url, String user, String password) {}

  private static Server server() {
    return new Server(
        required("SERVICEDELIVERY_TEST_POSTGRES_URL"),
        required("SERVICEDELIVERY_TEST_POSTGRES_USER"),
        required("SERVICEDELIVERY_TEST_POSTGRES_PASSWORD"));
  }

  private static String required(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          variable + " is not set: the tests on PostgreSQL need the server's admin URL (a database such as"
              + " postgres), and a user who may create databases");
    }
    return value;
  }
}
