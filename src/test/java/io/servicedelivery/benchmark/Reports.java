package io.servicedelivery.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** What the benchmark reports share: the machine and set-up they ran on, number formats, the file. */
final class Reports {

  private Reports() {}

  /** One paragraph: date, processors, JVM and heap, database, pool, Tomcat and job executor sizes. */
  static String setup(Environment environment, DataSource dataSource, ProcessEngine engine) {
    String pool;
    try {
      HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
      pool = String.format(Locale.ROOT, "Hikari pool of %d connections (%d ms connection time-out)",
          hikari.getMaximumPoolSize(), hikari.getConnectionTimeout());
    } catch (SQLException | RuntimeException e) {
      pool = "pool: " + dataSource.getClass().getSimpleName();
    }
    JobExecutor jobExecutor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    String jobThreads = "?";
    if (jobExecutor instanceof SpringJobExecutor spring
        && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool2) {
      jobThreads = pool2.getCorePoolSize() + "-" + pool2.getMaxPoolSize();
    }
    String url = environment.getProperty("spring.datasource.url", "?");
    String database = url.startsWith("jdbc:h2:mem:") ? "H2 in memory"
        : url.startsWith("jdbc:h2:file:") ? "H2 in a file" : url.replaceAll("^jdbc:([^:]+):.*", "$1");
    return String.format(Locale.ROOT,
        "%s on %d processors (%s), Java %s with at most %d MB heap; %s, %s, Tomcat up to %s threads, job executor "
            + "%s threads (%d jobs per acquisition). Other builds may have shared the machine: compare the "
            + "ratios, not the absolute figures.",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), database, pool,
        environment.getProperty("server.tomcat.threads.max", "200"),
        jobThreads, jobExecutor.getMaxJobsPerAcquisition());
  }

  private static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch");
    }
  }

  /** Writes the report to target/benchmark/{name} and prints it. */
  static void write(String name, String report) {
    Path file = Path.of("target", "benchmark", name);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(report);
  }

  static String ratio(double value, double baseline) {
    return baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2f", value / baseline);
  }

  static String number(double value) {
    return value >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  static String yesNo(boolean met) {
    return met ? "met" : "**not met**";
  }

  /** The failing answers, a few bodies of each, cut to a line each, as a markdown list. */
  static String failures(Map<String, List<String>> failures) {
    if (failures.isEmpty()) {
      return "none\n";
    }
    return failures.entrySet().stream()
        .map(entry -> "- " + entry.getKey() + ":\n" + entry.getValue().stream()
            .map(body -> "  - `" + oneLine(body) + "`")
            .collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n")) + "\n";
  }

  static String oneLine(String body) {
    String line = body.replaceAll("\\s+", " ").replace("`", "'");
    return line.length() > 300 ? line.substring(0, 300) + " …" : line;
  }
}
