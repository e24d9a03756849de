package io.servicedelivery.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.benchmark.HistoryCloner.Template;
import io.servicedelivery.benchmark.LifecycleDriver.Flavor;
import io.servicedelivery.benchmark.LifecycleDriver.Run;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * How the application copes with a long history: the lifecycle figures ({@link LifecycleDriver}) and the
 * dashboard's queries with {@value #DEFAULT_HISTORY} finished requests in the history against (almost) none. The
 * history is made by running a few dozen real lifecycles and cloning their rows ({@link HistoryCloner}), spread over
 * the past {@value #SPREAD_DAYS} days, so that the KPI periods and the process map see them. Timed at both sizes: the
 * dashboard's calls for its default period (the last four weeks: {@code /api/kpis}, {@code /api/kpis/weekly},
 * {@code /api/kpis/by-service} as {@code manager} with HTTP Basic, {@code /dashboard/api/activities} with a signed-in
 * session), the weekly figures of a year, and a Prometheus scrape ({@code /actuator/prometheus} as
 * {@code prometheus}). The database is an H2 file under {@code target/benchmark/} (as in the default set-up), not
 * memory: 100,000 requests leave some 30 million rows. Reports to {@code target/benchmark/history-growth.md};
 * asserts that every lifecycle finished, no 5xx, and that every dashboard call was answered. {@code
 * -Dbenchmark.history=10000} for a quick run.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "spring.datasource.url=jdbc:h2:file:./" + HistoryGrowthBenchmark.DATABASE + "/db-${random.uuid};CACHE_SIZE=262144"
    })
@ActiveProfiles({"test", "demo"})
@Import(StatementCounting.class)
// tests export no metrics unless asked to: the Prometheus scrape is timed too
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class HistoryGrowthBenchmark {

  static final String DATABASE = "target/benchmark/history-growth-database";
  static final int DEFAULT_HISTORY = 100_000;
  static final int DEFAULT_COMPLETE = 10_000;
  static final int SPREAD_DAYS = 365;
  private static final int HISTORY = Integer.getInteger("benchmark.history", DEFAULT_HISTORY);
  /** requests whose whole history is there; the others have the rows somebody reads ({@link HistoryCloner#READ}) */
  private static final int COMPLETE = Integer.getInteger("benchmark.history.complete", DEFAULT_COMPLETE);
  private static final int SEED = Integer.getInteger("benchmark.history.seed", 60);
  private static final int LIFECYCLES = Integer.getInteger("benchmark.history.lifecycles", 150);
  private static final int WORKERS = Integer.getInteger("benchmark.workers", LifecycleBenchmark.DEFAULT_WORKERS);
  private static final int BATCH = 2_000;
  private static final int CLONE_THREADS = Integer.getInteger("benchmark.clone.threads", 2);
  private static final int REPEATS = 3;
  private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(5);

  @LocalServerPort int port;
  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ServiceCatalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired StatementCounter counter;

  // the database is deleted when the JVM ends, after the context closed it (it is several GB)
  static {
    Runtime.getRuntime().addShutdownHook(new Thread(HistoryGrowthBenchmark::deleteDatabase));
  }

  /** one history size: its lifecycle runs and the dashboard's timings */
  private record Size(String name, long requests, long historyRows, long databaseBytes, Run baseline,
      Run application, Map<String, Timing> queries) {}

  /** a dashboard call timed a few times: its median, the status of each call */
  private record Timing(List<Long> millis, List<Integer> statuses, String failure) {

    long median() {
      List<Long> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
    }

    boolean answered() {
      return statuses.stream().allMatch(status -> status == 200);
    }
  }

  @Test
  void lifecyclesAndDashboardWithALongHistory() throws InterruptedException {
    deleteOtherDatabases();
    Steps.asDriver(() -> {
      BareProcess.deploy(repositoryService, authorizationService);
      LifecycleBenchmark.enoughCapacity(jdbc);
    });
    LifecycleDriver driver =
        new LifecycleDriver(port, processEngine.getName(), jdbc, runtimeService, historyService, catalog, counter);

    // the seed: real lifecycles, the templates of the clones, and the warm-up
    List<Run> seed = List.of(
        driver.run("seed: baseline", Flavor.BASELINE, SEED, WORKERS),
        driver.run("seed: application", Flavor.APPLICATION, SEED, WORKERS));
    Size empty = size("no history", driver);

    List<Template> templates = Steps.asDriver(this::finishedRequests);
    int clones = Math.max(0, HISTORY - templates.size());
    System.out.printf(Locale.ROOT, "Cloning %d finished requests %d times%n", templates.size(), clones);
    long cloning = System.nanoTime();
    HistoryCloner.Result cloned =
        Steps.asDriver(() -> new HistoryCloner(jdbc).clone(templates, clones, Math.min(clones, COMPLETE),
            Duration.ofDays(SPREAD_DAYS), BATCH,
            CLONE_THREADS, done -> System.out.printf(Locale.ROOT, "  %,d of %,d clones after %d s%n", done, clones,
                (System.nanoTime() - cloning) / 1_000_000_000)));
    Size full = size(String.format(Locale.ROOT, "%,d requests", HISTORY), driver);

    Reports.write("history-growth.md", report(seed, empty, full, cloned, templates.size()));

    for (Size size : List.of(empty, full)) {
      assertThat(size.application().failed()).as(size.name() + ": lifecycles not finished").isEmpty();
      assertThat(size.application().serverErrors()).as(size.name() + ": 5xx answers").isZero();
      size.queries().forEach((query, timing) ->
          assertThat(timing.answered()).as(size.name() + ": " + query + " " + timing.statuses()).isTrue());
    }
  }

  /** Lifecycles of both kinds, then the dashboard's calls, at the current size of the history. */
  private Size size(String name, LifecycleDriver driver) throws InterruptedException {
    Run baseline = driver.run(name + ": baseline", Flavor.BASELINE, LIFECYCLES, WORKERS);
    Run application = driver.run(name + ": application", Flavor.APPLICATION, LIFECYCLES, WORKERS);
    Map<String, Timing> queries = dashboard();
    long requests = Steps.asDriver(() ->
        jdbc.sql("select count(*) from service_delivery_record where outcome <> 'OPEN'").query(Long.class).single());
    long historyRows = Steps.asDriver(() -> driver.rowCounts().entrySet().stream()
        .filter(table -> table.getKey().startsWith("ACT_HI_") || table.getKey().equals("ACT_GE_BYTEARRAY"))
        .mapToLong(Map.Entry::getValue)
        .sum());
    return new Size(name, requests, historyRows, databaseBytes(), baseline, application, queries);
  }

  /** the finished requests so far, the templates of the clones */
  private List<Template> finishedRequests() {
    return jdbc.sql("""
            select ID_, BUSINESS_KEY_ from ACT_HI_PROCINST
            where PROC_DEF_KEY_ = ? and SUPER_PROCESS_INSTANCE_ID_ is null and END_TIME_ is not null
            order by START_TIME_""")
        .param(ServiceDeliveryProcess.KEY)
        .query((rs, row) -> new Template(rs.getString(1), rs.getString(2)))
        .list();
  }

  // ---------------------------------------------------------------------------------------------- the dashboard

  /** The dashboard's calls for its default period (the last four weeks, today included), each timed. */
  private Map<String, Timing> dashboard() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String period = "from=" + today.minusDays(27) + "&to=" + today.plusDays(1);
    URI base = URI.create("http://localhost:" + port + "/");
    CallLog log = new CallLog();
    ApiClient manager = new ApiClient(base, "manager", "manager", log, QUERY_TIMEOUT);
    ApiClient prometheus = new ApiClient(base, "prometheus", "prometheus", log, QUERY_TIMEOUT);
    DashboardSession session = new DashboardSession(base, "manager", "manager");
    Map<String, Timing> timings = new LinkedHashMap<>();
    try {
      timings.put("GET /api/kpis (4 weeks)", timed(() -> manager.get("kpis", "/api/kpis?" + period)));
      timings.put("GET /api/kpis/weekly (4 weeks)",
          timed(() -> manager.get("weekly", "/api/kpis/weekly?" + period)));
      timings.put("GET /api/kpis/by-service (4 weeks)",
          timed(() -> manager.get("by-service", "/api/kpis/by-service?" + period)));
      timings.put("GET /dashboard/api/activities (4 weeks, signed in)",
          timed(() -> session.get("/dashboard/api/activities?" + period)));
      timings.put("GET /api/kpis/weekly (52 weeks)",
          timed(() -> manager.get("weekly", "/api/kpis/weekly?from=" + today.minusWeeks(52) + "&to="
              + today.plusDays(1))));
      timings.put("GET /actuator/prometheus",
          timed(() -> prometheus.get("prometheus", "/actuator/prometheus", Map.of("Accept", "text/plain"))));
    } finally {
      manager.close();
      prometheus.close();
    }
    return timings;
  }

  /** A call made {@value #REPEATS} times (once if it takes more than ten seconds). */
  private static Timing timed(Supplier<ApiClient.Answer> call) {
    List<Long> millis = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    String failure = null;
    for (int i = 0; i < REPEATS; i++) {
      ApiClient.Answer answer = call.get();
      millis.add(answer.nanos() / 1_000_000);
      statuses.add(answer.status());
      if (!answer.ok() && failure == null) {
        failure = answer.status() + " " + Reports.oneLine(answer.body());
      }
      if (answer.nanos() > Duration.ofSeconds(10).toNanos()) {
        break;
      }
    }
    return new Timing(millis, statuses, failure);
  }

  /** The dashboard's sign-in as a browser does it: the login page's CSRF token, then a session cookie. */
  private static final class DashboardSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;

    DashboardSession(URI base, String user, String password) {
      this.base = base;
      this.http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
      Matcher csrf = CSRF.matcher(send(HttpRequest.newBuilder(base.resolve("/login")).GET()).body());
      if (!csrf.find()) {
        throw new IllegalStateException("no CSRF token on the login page");
      }
      String form = Stream.of("username=" + user, "password=" + password, "_csrf=" + csrf.group(1))
          .map(pair -> pair.substring(0, pair.indexOf('=') + 1)
              + URLEncoder.encode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      HttpResponse<String> signedIn = send(HttpRequest.newBuilder(base.resolve("/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)));
      if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
        throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers());
      }
    }

    ApiClient.Answer get(String path) {
      long start = System.nanoTime();
      HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
          .timeout(QUERY_TIMEOUT)
          .header("Accept", "application/json")
          .header("X-Requested-With", "XMLHttpRequest")
          .GET());
      return response == null
          ? new ApiClient.Answer(0, "time-out or I/O error", System.nanoTime() - start, true)
          : new ApiClient.Answer(response.statusCode(), response.body(), System.nanoTime() - start, false);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- report

  private String report(List<Run> seed, Size empty, Size full, HistoryCloner.Result cloned, int templates) {
    StringBuilder report = new StringBuilder();
    report.append("# History growth benchmark\n\n");
    report.append(Reports.setup(environment, dataSource, processEngine)).append("\n\n");
    report.append(String.format(Locale.ROOT,
        "First %d real lifecycles of each kind (the seed, also the warm-up), then at each size of the history "
            + "%d lifecycles of the baseline and %d of the application by %d workers (as in the lifecycle "
            + "benchmark) and the dashboard's calls. In between the history grew to %,d finished requests: the rows "
            + "of the %d requests finished so far were cloned %,d times, their times spread over the last %d days, "
            + "a third of the clones rated by the customer (%,d rows in %d s, of which %d s to build the %d "
            + "indexes of the history tables again, dropped while loading). Every clone has its rows in the "
            + "application's tables and in the history tables that are read back (%s: the process map, the "
            + "delivery record, Cockpit); the first %,d also in the rest of the history, which is only written "
            + "(variable history and details, job log, byte arrays, decisions): all of it for 100,000 requests is "
            + "some 30 million rows, which H2 takes about an hour to load and index on this machine "
            + "(`-Dbenchmark.history.complete=100000`).%n%n",
        SEED, LIFECYCLES, LIFECYCLES, WORKERS, HISTORY, templates, cloned.clones(), SPREAD_DAYS, cloned.totalRows(),
        cloned.took().toSeconds(), cloned.indexing().toSeconds(), cloned.indexes(),
        String.join(", ", new TreeSet<>(HistoryCloner.READ)), Math.min(cloned.clones(), COMPLETE)));
    report.append("| history | finished requests | history rows (`ACT_HI_*`, byte arrays) | database file |\n");
    report.append("|---|---|---|---|\n");
    for (Size size : List.of(empty, full)) {
      report.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d MB |%n", size.name(), size.requests(),
          size.historyRows(), size.databaseBytes() / (1024 * 1024)));
    }
    report.append("\n## Lifecycles\n\n");
    report.append(LifecycleReport.summaryHeader());
    seed.forEach(run -> report.append(LifecycleReport.summaryLine(run)));
    for (Size size : List.of(empty, full)) {
      report.append(LifecycleReport.summaryLine(size.baseline()));
      report.append(LifecycleReport.summaryLine(size.application()));
    }
    double application = full.application().lifecyclesPerSecond()
        / Math.max(0.001, empty.application().lifecyclesPerSecond());
    double baseline = full.baseline().lifecyclesPerSecond() / Math.max(0.001, empty.baseline().lifecyclesPerSecond());
    double without = empty.application().lifecyclesPerSecond() / Math.max(0.001, empty.baseline().lifecyclesPerSecond());
    double with = full.application().lifecyclesPerSecond() / Math.max(0.001, full.baseline().lifecyclesPerSecond());
    report.append(String.format(Locale.ROOT,
        "%nWith the long history / without: application lifecycles per second **%.2f** (goal ≥ 0.9: %s), "
            + "statements per lifecycle %s; the baseline's lifecycles per second %.2f. Application / baseline: "
            + "%.2f without, %.2f with the long history, so measured against the bare engine, which the machine's "
            + "other load and the JIT affect alike, the application keeps **%.2f** of its speed.%n%n",
        application, Reports.yesNo(application >= 0.9),
        Reports.ratio(perLifecycle(full.application()), perLifecycle(empty.application())), baseline, without, with,
        with / Math.max(0.001, without)));
    report.append("## The dashboard's calls\n\n");
    report.append("Median of " + REPEATS + " calls (one when it took more than 10 s); period: the last four weeks, "
        + "as the dashboard opens.\n\n");
    report.append("| call | " + empty.name() + " | " + full.name() + " | ratio | answers |\n|---|---|---|---|---|\n");
    for (String query : empty.queries().keySet()) {
      Timing before = empty.queries().get(query);
      Timing after = full.queries().get(query);
      report.append(String.format(Locale.ROOT, "| %s | %,d ms | %,d ms | %s | %s |%n", query, before.median(),
          after.median(), Reports.ratio(after.median(), Math.max(1, before.median())),
          before.answered() && after.answered() ? "200" : before.statuses() + " / " + after.statuses()));
    }
    List<String> failures = new ArrayList<>();
    for (Size size : List.of(empty, full)) {
      size.queries().forEach((query, timing) -> {
        if (timing.failure() != null) {
          failures.add("- " + size.name() + ", " + query + ": `" + timing.failure() + "`");
        }
      });
    }
    if (!failures.isEmpty()) {
      report.append("\n").append(String.join("\n", failures)).append("\n");
    }
    report.append("\n## Where the statements go with the long history, application\n\n")
        .append(LifecycleReport.steps(full.application())).append('\n');
    report.append("## Failures\n\n");
    for (Size size : List.of(empty, full)) {
      report.append(LifecycleReport.failures(size.baseline())).append(LifecycleReport.failures(size.application()));
    }
    report.append("\nRows cloned per table: ").append(cloned.rows().entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue()))
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "))).append(".\n");
    return report.toString();
  }

  private static double perLifecycle(Run run) {
    return run.perLifecycle(run.statements().lifecycleTotal().statements());
  }

  private static long databaseBytes() {
    try (Stream<Path> files = Files.walk(Path.of(DATABASE))) {
      return files.filter(file -> file.toString().endsWith(".mv.db")).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /** the databases of earlier runs that did not end normally: every file but those of this run's database */
  private void deleteOtherDatabases() {
    String current = environment.getRequiredProperty("spring.datasource.url").replaceAll("^.*/([^/;]+).*$", "$1");
    try (Stream<Path> files = Files.list(Path.of(DATABASE))) {
      files.filter(file -> !file.getFileName().toString().startsWith(current + "."))
          .forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteDatabase() {
    Path directory = Path.of(DATABASE);
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
