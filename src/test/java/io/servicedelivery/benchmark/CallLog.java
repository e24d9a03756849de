package io.servicedelivery.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The answers of a run's HTTP calls by kind: how many per status, the time-outs, the latencies and a few bodies of
 * each failing status (the first {@value #SAMPLES}) for the report.
 */
final class CallLog {

  static final int SAMPLES = 3;

  private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> timeouts = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<String>> failures = new ConcurrentHashMap<>();

  void record(String kind, ApiClient.Answer answer) {
    latencies.computeIfAbsent(kind, key -> new ConcurrentLinkedQueue<>()).add(answer.nanos());
    statuses.computeIfAbsent(kind, key -> new ConcurrentHashMap<>())
        .computeIfAbsent(answer.status(), key -> new LongAdder())
        .increment();
    if (answer.timedOut()) {
      timeouts.computeIfAbsent(kind, key -> new LongAdder()).increment();
    }
    if (!answer.ok()) {
      String key = kind + " -> " + (answer.status() == 0 ? "no answer" : answer.status());
      ConcurrentLinkedQueue<String> samples = failures.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
      if (samples.size() < SAMPLES) {
        samples.add(answer.body() == null ? "" : answer.body());
      }
    }
  }

  /** the latencies of the calls of a kind, sorted, in nanoseconds */
  Latencies latencies(String kind) {
    List<Long> sorted = new ArrayList<>(latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
    Collections.sort(sorted);
    return new Latencies(sorted);
  }

  /** the latencies of every call, sorted, in nanoseconds */
  Latencies latencies() {
    List<Long> sorted = new ArrayList<>();
    latencies.values().forEach(sorted::addAll);
    Collections.sort(sorted);
    return new Latencies(sorted);
  }

  long calls() {
    return statuses.values().stream().flatMap(byStatus -> byStatus.values().stream()).mapToLong(LongAdder::sum).sum();
  }

  long calls(String kind) {
    return statuses.getOrDefault(kind, Map.of()).values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** answers with a status from {@code low} to {@code high}, of every kind */
  long withStatus(int low, int high) {
    return statuses.values().stream()
        .flatMap(byStatus -> byStatus.entrySet().stream())
        .filter(entry -> entry.getKey() >= low && entry.getKey() <= high)
        .mapToLong(entry -> entry.getValue().sum())
        .sum();
  }

  long withStatus(String kind, int low, int high) {
    return statuses.getOrDefault(kind, Map.of()).entrySet().stream()
        .filter(entry -> entry.getKey() >= low && entry.getKey() <= high)
        .mapToLong(entry -> entry.getValue().sum())
        .sum();
  }

  long timeouts() {
    return timeouts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** connections refused or broken: no status and no time-out */
  long ioErrors() {
    return withStatus(0, 0) - timeouts();
  }

  /** per kind, its statuses and how often each came: {"POST /api/service-requests": {201: 4500, 200: 500}} */
  Map<String, Map<Integer, Long>> statuses() {
    Map<String, Map<Integer, Long>> copy = new TreeMap<>();
    statuses.forEach((kind, byStatus) -> {
      Map<Integer, Long> counts = new TreeMap<>();
      byStatus.forEach((status, count) -> counts.put(status, count.sum()));
      copy.put(kind, counts);
    });
    return copy;
  }

  /** a few bodies of each kind and failing status */
  Map<String, List<String>> failures() {
    Map<String, List<String>> copy = new TreeMap<>();
    failures.forEach((key, samples) -> copy.put(key, List.copyOf(samples)));
    return copy;
  }

  /** Latencies of one kind of call, sorted, in nanoseconds. */
  record Latencies(List<Long> sorted) {

    long percentileMillis(double p) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return Math.round(sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0);
    }

    double percentileMillisExact(double p) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0;
    }
  }
}
