package io.servicedelivery.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.intake.ApiRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API clients submitting requests to both nodes in turn, as a load balancer spreads them. A call that fails (the
 * node is gone: connection refused or reset) or gets a 5xx is sent again with the same Idempotency-Key to the other
 * node, as a load balancer with client retries does; every tenth request is also submitted a second time with its
 * key once it was acknowledged, on the other node. Every call and its outcome is kept.
 */
final class ClusterLoad {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  private static final int ATTEMPTS = 4;

  /** One HTTP call: its status, or the exception (a refused connection, a time-out) instead. */
  record Call(int submission, String key, String node, boolean repeat, int status, String requestId,
      Exception failure, Instant endedAt) {

    boolean acknowledged() {
      return failure == null && status >= 200 && status < 300;
    }

    @Override
    public String toString() {
      return "#" + submission + " " + key + (repeat ? " (repeat)" : "") + " on " + node + " -> "
          + (failure != null ? failure : status + " " + requestId);
    }
  }

  private final List<ClusterNode> nodes;
  private final String authorization;
  private final String run;
  private final int clients;
  private final int submissionsPerClient;
  private final ObjectMapper objectMapper = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
  private final Map<String, String> requestByKey = new ConcurrentHashMap<>();
  private final Map<String, String> repeatByKey = new ConcurrentHashMap<>();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private ExecutorService executor;

  ClusterLoad(List<ClusterNode> nodes, String user, String password, String run, int clients,
      int submissionsPerClient) {
    this.nodes = nodes;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.run = run;
    this.clients = clients;
    this.submissionsPerClient = submissionsPerClient;
  }

  int submissions() {
    return clients * submissionsPerClient;
  }

  /** Starts the clients; they run until every submission was acknowledged or given up. */
  void start() {
    executor = Executors.newFixedThreadPool(clients);
    for (int client = 0; client < clients; client++) {
      int first = client * submissionsPerClient;
      executor.execute(() -> {
        for (int submission = first; submission < first + submissionsPerClient; submission++) {
          submit(submission);
          pause();
        }
      });
    }
    executor.shutdown();
  }

  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Submissions acknowledged so far (the first acknowledgement of each key). */
  int acknowledged() {
    return acknowledged.get();
  }

  List<Call> calls() {
    return new ArrayList<>(calls);
  }

  /** The request each acknowledged Idempotency-Key got. */
  Map<String, String> requestByKey() {
    return Map.copyOf(requestByKey);
  }

  /** The request the second submission of a key got. */
  Map<String, String> repeatByKey() {
    return Map.copyOf(repeatByKey);
  }

  private void submit(int submission) {
    String key = run + "-" + submission;
    ClusterNode preferred = nodes.get(submission % nodes.size());
    String requestId = submitUntilAcknowledged(submission, key, preferred, false);
    if (requestId == null) {
      return;
    }
    requestByKey.put(key, requestId);
    acknowledged.incrementAndGet();
    if (submission % 10 == 3) {
      String again = submitUntilAcknowledged(submission, key, other(preferred), true);
      if (again != null) {
        repeatByKey.put(key, again);
      }
    }
  }

  private String submitUntilAcknowledged(int submission, String key, ClusterNode preferred, boolean repeat) {
    ClusterNode target = preferred;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Call call = call(submission, key, target, repeat);
      calls.add(call);
      if (call.acknowledged()) {
        return call.requestId();
      }
      if (call.failure() == null && call.status() < 500) {
        return null; // a 4xx: the same call would get it again; the checks report it
      }
      target = other(target);
    }
    return null;
  }

  private ClusterNode other(ClusterNode node) {
    return nodes.get((nodes.indexOf(node) + 1) % nodes.size());
  }

  private Call call(int submission, String key, ClusterNode node, boolean repeat) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/service-requests"))
          .timeout(CALL_TIMEOUT)
          .header("Authorization", authorization)
          .header("Accept", "application/json")
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", key)
          .POST(HttpRequest.BodyPublishers.ofString(objectMapper.writeValueAsString(body(submission))))
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String requestId = null;
      if (response.statusCode() / 100 == 2) {
        requestId = objectMapper.readTree(response.body()).path("requestId").asText(null);
      }
      return new Call(submission, key, node.name(), repeat, response.statusCode(), requestId, null, Instant.now());
    } catch (IOException e) {
      return new Call(submission, key, node.name(), repeat, 0, null, e, Instant.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Call(submission, key, node.name(), repeat, 0, null, e, Instant.now());
    }
  }

  /** The same body for every call of a submission: a retry must be the same request. */
  private static Map<String, Object> body(int submission) {
    Map<String, Object> body = ApiRequests.vpnRequest(null);
    body.put("title", "Cluster request " + submission);
    return body;
  }

  private static void pause() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(20, 80));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
