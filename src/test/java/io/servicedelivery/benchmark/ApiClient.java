package io.servicedelivery.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One HTTP client of the application, as a portal or a person's browser would be: its own HttpClient (HTTP/1.1, so
 * its calls go over its own TCP connection, kept alive between calls) and HTTP Basic for every call. Every answer is
 * written to a {@link CallLog} under the kind of call; a time-out or a broken connection is an answer too, never an
 * exception.
 */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REPEAT = "X-Benchmark-Repeat";
  /** the task a completion is for, so that the statements of each task's completion are counted apart */
  static final String TASK = "X-Benchmark-Task";
  static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("benchmark.httpTimeoutSeconds", 60));

  /** What came back; {@code status} 0 for a time-out or an I/O error, whose message is the body. */
  record Answer(int status, String body, long nanos, boolean timedOut) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  private final URI base;
  private final Duration timeout;
  private final String authorization;
  private final ExecutorService executor;
  private final HttpClient http;
  private final CallLog log;

  ApiClient(URI base, String user, String password, CallLog log) {
    this(base, user, password, log, TIMEOUT);
  }

  /** @param timeout how long a call may take before it counts as a time-out */
  ApiClient(URI base, String user, String password, CallLog log, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.executor =
        Executors.newCachedThreadPool(runnable -> {
          Thread thread = new Thread(runnable, "benchmark-http-" + user);
          thread.setDaemon(true);
          return thread;
        });
    this.http =
        HttpClient.newBuilder()
            .executor(executor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.log = log;
  }

  Answer get(String kind, String path) {
    return send(kind, request(path).GET());
  }

  Answer get(String kind, String path, Map<String, String> headers) {
    HttpRequest.Builder request = request(path).GET();
    headers.forEach(request::setHeader);
    return send(kind, request);
  }

  /** @param repeat a look-up made again because the last found nothing, counted apart ({@value #REPEAT}) */
  Answer get(String kind, String path, boolean repeat) {
    HttpRequest.Builder request = request(path).GET();
    if (repeat) {
      request.header(REPEAT, "true");
    }
    return send(kind, request);
  }

  Answer post(String kind, String path, Object body) {
    return post(kind, path, body, Map.of());
  }

  Answer post(String kind, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body)));
    headers.forEach(request::header);
    return send(kind, request);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private Answer send(String kind, HttpRequest.Builder request) {
    long start = System.nanoTime();
    Answer answer;
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      answer = new Answer(response.statusCode(), response.body(), System.nanoTime() - start, false);
    } catch (HttpTimeoutException e) {
      answer = new Answer(0, "time-out after " + timeout.toSeconds() + " s", System.nanoTime() - start, true);
    } catch (IOException e) {
      answer = new Answer(0, "I/O error: " + e, System.nanoTime() - start, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    log.record(kind, answer);
    return answer;
  }

  static String json(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Ends the client's threads; its connection is closed when the client is collected (Java 17 has no close). */
  void close() {
    executor.shutdownNow();
  }
}
