package io.servicedelivery.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.StatementType;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the SQL statements executed through the application's DataSource (datasource-proxy), by the step the
 * executing thread works on ({@link Steps}) and by table. A batch counts one statement per row it carries and one
 * execution (round trip); by table only the statements of the lifecycles' steps count. {@link #snapshot()} and
 * {@link Snapshot#minus} give the statements of a phase.
 */
final class StatementCounter implements QueryExecutionListener {

  private static final Pattern TABLE =
      Pattern.compile(
          "^\\s*(?:select\\b.*?\\bfrom|insert\\s+into|update|delete\\s+from|delete|merge\\s+into)\\s+([\\w.\"]+)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** statements, executions and time of one step or table */
  private static final class Tally {
    final LongAdder statements = new LongAdder();
    final LongAdder executions = new LongAdder();
    final LongAdder selects = new LongAdder();
    final LongAdder inserts = new LongAdder();
    final LongAdder updates = new LongAdder();
    final LongAdder deletes = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final LongAdder calls = new LongAdder();

    Count count() {
      return new Count(
          calls.sum(), statements.sum(), executions.sum(), selects.sum(), inserts.sum(), updates.sum(), deletes.sum(),
          nanos.sum());
    }
  }

  /**
   * @param calls HTTP calls or jobs of the step ({@link #called}); statements: rows of batches counted one each;
   *     executions: round trips to the database
   */
  record Count(
      long calls, long statements, long executions, long selects, long inserts, long updates, long deletes,
      long nanos) {

    static final Count ZERO = new Count(0, 0, 0, 0, 0, 0, 0, 0);

    Count minus(Count other) {
      return new Count(
          calls - other.calls, statements - other.statements, executions - other.executions,
          selects - other.selects, inserts - other.inserts, updates - other.updates, deletes - other.deletes,
          nanos - other.nanos);
    }

    Count plus(Count other) {
      return new Count(
          calls + other.calls, statements + other.statements, executions + other.executions,
          selects + other.selects, inserts + other.inserts, updates + other.updates, deletes + other.deletes,
          nanos + other.nanos);
    }

    boolean isEmpty() {
      return calls == 0 && statements == 0;
    }
  }

  /** The counts at one moment, by step and by table. */
  record Snapshot(Map<String, Count> bySteps, Map<String, Count> byTables) {

    Snapshot minus(Snapshot earlier) {
      return new Snapshot(minus(bySteps, earlier.bySteps), minus(byTables, earlier.byTables));
    }

    /** the statements of the steps that are part of the lifecycles (HTTP calls and jobs) */
    Count lifecycleTotal() {
      return bySteps.entrySet().stream()
          .filter(step -> Steps.countsForLifecycle(step.getKey()))
          .map(Map.Entry::getValue)
          .reduce(Count.ZERO, Count::plus);
    }

    private static Map<String, Count> minus(Map<String, Count> later, Map<String, Count> earlier) {
      Map<String, Count> difference = new TreeMap<>();
      later.forEach((key, count) -> {
        Count delta = count.minus(earlier.getOrDefault(key, Count.ZERO));
        if (!delta.isEmpty()) {
          difference.put(key, delta);
        }
      });
      return difference;
    }
  }

  private final Map<String, Tally> steps = new ConcurrentHashMap<>();
  private final Map<String, Tally> tables = new ConcurrentHashMap<>();
  /** the statements of a command whose step is known only at its end (a job: which one, once its handler ran) */
  private final ThreadLocal<Tally> deferred = new ThreadLocal<>();

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    String step = Steps.current();
    Tally stepTally = deferred.get() != null ? deferred.get() : steps.computeIfAbsent(step, key -> new Tally());
    stepTally.executions.increment();
    stepTally.nanos.add(execution.getElapsedTime() * 1_000_000);
    // tables: the lifecycles' statements only, not the driver's nor the background's
    boolean countByTable = Steps.countsForLifecycle(step);
    for (QueryInfo query : queries) {
      int rows =
          execution.isBatch() && execution.getStatementType() != StatementType.STATEMENT
              ? Math.max(1, query.getParametersList().size())
              : 1;
      add(stepTally, query.getQuery(), rows);
      if (countByTable) {
        add(tables.computeIfAbsent(table(query.getQuery()), key -> new Tally()), query.getQuery(), rows);
      }
    }
  }

  /** One more HTTP call or job of the step. */
  void called(String step) {
    steps.computeIfAbsent(step, key -> new Tally()).calls.increment();
  }

  boolean isDeferring() {
    return deferred.get() != null;
  }

  /** Collects the statements of this thread until {@link #endDeferred}, which puts them down to a step. */
  void beginDeferred() {
    deferred.set(new Tally());
  }

  void endDeferred(String step) {
    Tally collected = deferred.get();
    deferred.remove();
    Tally tally = steps.computeIfAbsent(step, key -> new Tally());
    tally.statements.add(collected.statements.sum());
    tally.executions.add(collected.executions.sum());
    tally.selects.add(collected.selects.sum());
    tally.inserts.add(collected.inserts.sum());
    tally.updates.add(collected.updates.sum());
    tally.deletes.add(collected.deletes.sum());
    tally.nanos.add(collected.nanos.sum());
  }

  Snapshot snapshot() {
    return new Snapshot(counts(steps), counts(tables));
  }

  private static Map<String, Count> counts(Map<String, Tally> tallies) {
    Map<String, Count> counts = new TreeMap<>();
    tallies.forEach((key, tally) -> counts.put(key, tally.count()));
    return counts;
  }

  private static void add(Tally tally, String sql, int rows) {
    tally.statements.add(rows);
    String verb = sql.stripLeading().toLowerCase(Locale.ROOT);
    if (verb.startsWith("select") || verb.startsWith("with")) {
      tally.selects.add(rows);
    } else if (verb.startsWith("insert") || verb.startsWith("merge")) {
      tally.inserts.add(rows);
    } else if (verb.startsWith("update")) {
      tally.updates.add(rows);
    } else if (verb.startsWith("delete")) {
      tally.deletes.add(rows);
    }
  }

  /** the first table a statement names, upper case: ACT_RU_TASK, SERVICE_REQUEST */
  static String table(String sql) {
    Matcher matcher = TABLE.matcher(sql);
    if (!matcher.find()) {
      String verb = sql.stripLeading().split("\\s+", 2)[0];
      return "(" + verb.toLowerCase(Locale.ROOT) + ")";
    }
    String table = matcher.group(1).replace("\"", "").toUpperCase(Locale.ROOT);
    int dot = table.lastIndexOf('.');
    return dot < 0 ? table : table.substring(dot + 1);
  }
}
