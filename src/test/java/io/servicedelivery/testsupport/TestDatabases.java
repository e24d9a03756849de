package io.servicedelivery.testsupport;

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
 * becomes a database of its own on that server ({@link PostgresServer}), created on first use and dropped when the test JVM ends: a context
 * with a private database gets a private one, contexts sharing one H2 URL share one database. Registered in {@code
 * META-INF/spring.factories}, so it applies to every Spring application a test starts.
 */
public class TestDatabases implements EnvironmentPostProcessor {

  static final String SWITCH = "servicedelivery.test.database";

  private static final PostgresServer SERVER = PostgresServer.fromEnvironment();
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
                    "spring.datasource.url", SERVER.urlOf(database),
                    "spring.datasource.username", SERVER.user(),
                    "spring.datasource.password", SERVER.password(),
                    // the test contexts stay cached: each keeps one idle connection, not eight
                    "spring.datasource.hikari.minimum-idle", "1")));
  }

  /** Whether the tests run on PostgreSQL. */
  public static boolean onPostgresql() {
    return "postgresql".equals(System.getProperty(SWITCH));
  }

  private static String create() {
    String name = "sdo_test_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
    SERVER.createDatabase(name);
    return name;
  }

  private static void dropAll() {
    DATABASES.values().forEach(SERVER::dropDatabase);
  }
}
