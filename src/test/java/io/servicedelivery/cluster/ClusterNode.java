package io.servicedelivery.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * One node of the cluster: the application's jar run as a java process of its own ({@code java -jar}, no shell in
 * between, so that {@link #kill()} kills the JVM itself), with its output in {@code target/cluster/<name>.log}.
 */
final class ClusterNode {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int port;
  private final Path jar;
  private final Path log;
  private final Map<String, String> environment;
  private Process process;
  private boolean killed;

  ClusterNode(String name, int port, Path jar, Path logDirectory, Map<String, String> environment) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.log = logDirectory.resolve(name + ".log");
    this.environment = new LinkedHashMap<>(environment);
    this.environment.put("SERVICEDELIVERY_CLUSTER_NODE_NAME", name);
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  synchronized void start() throws IOException {
    Files.writeString(log, "=== " + name + " started at " + Instant.now() + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx1g");
    // the job log's and job locks' timestamps are local times without a zone: the nodes write them in the zone in
    // which this test reads them
    command.add("-Duser.timezone=" + TimeZone.getDefault().getID());
    command.add("-jar");
    command.add(jar.toString());
    command.add("--spring.profiles.active=prod");
    command.add("--server.port=" + port);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    killed = false;
  }

  /** Waits until {@code /actuator/health} answers UP; fails with the end of the node's log if it does not. */
  Duration awaitUp(Instant startedAt, Duration timeout) throws InterruptedException {
    Instant deadline = startedAt.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " ended with exit code " + process.exitValue() + " before it was up; its log ends:\n" + tail(60));
      }
      if (healthUp()) {
        return Duration.between(startedAt, Instant.now());
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " was not UP within " + timeout + "; its log ends:\n" + tail(60));
  }

  boolean healthUp() throws InterruptedException {
    try {
      HttpResponse<String> response =
          HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5))
              .GET().build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException notYet) {
      return false;
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive() && !killed;
  }

  boolean wasKilled() {
    return killed;
  }

  /** Stops the node as an operator would (SIGTERM, Spring's orderly shutdown), and kills it if it hangs. */
  synchronized void stop() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** kill -9 of the node's JVM: no shutdown hook, no rollback by the application, open transactions just vanish. */
  synchronized void kill() throws InterruptedException {
    killed = true;
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The last lines of the node's log, for failure messages. */
  String tail(int lines) {
    try {
      List<String> all = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public String toString() {
    return name + " (" + baseUrl() + ")";
  }
}
