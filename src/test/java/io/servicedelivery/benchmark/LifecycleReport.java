package io.servicedelivery.benchmark;

import io.servicedelivery.benchmark.LifecycleDriver.Run;
import io.servicedelivery.benchmark.StatementCounter.Count;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The markdown of lifecycle runs: the summary line of a run, and where its statements went. */
final class LifecycleReport {

  private LifecycleReport() {}

  static String summaryHeader() {
    return "| run | lifecycles | lifecycles/s | median lifecycle | p95 lifecycle | slowest | statements / lifecycle "
        + "| round trips / lifecycle | DB time / lifecycle | jobs / lifecycle | 409 | 5xx | time-outs | failed |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  }

  static String summaryLine(Run run) {
    Count total = run.statements().lifecycleTotal();
    return String.format(Locale.ROOT,
        "| %s | %s | %.2f | %,d ms | %,d ms | %,d ms | %.0f | %.0f | %.0f ms | %.1f | %d | %d | %d | %d |%n",
        run.name(),
        run.finished() == run.lifecycles() ? Integer.toString(run.lifecycles())
            : run.finished() + " of " + run.lifecycles(),
        run.lifecyclesPerSecond(), run.durationPercentile(50), run.durationPercentile(95), run.durationPercentile(100),
        run.perLifecycle(total.statements()), run.perLifecycle(total.executions()),
        run.perLifecycle(total.nanos() / 1e6), run.perLifecycle(jobs(run)), run.conflicts(), run.serverErrors(),
        run.timeouts(), run.failed().size());
  }

  /** jobs the handlers ran (not the acquisitions) */
  static long jobs(Run run) {
    return run.statements().bySteps().entrySet().stream()
        .filter(step -> step.getKey().startsWith(Steps.JOB) && !step.getKey().equals(Steps.JOB_ACQUISITION))
        .mapToLong(step -> step.getValue().calls())
        .sum();
  }

  /** Statements per step, per lifecycle: HTTP calls by kind, jobs by activity, the acquisition; then the rest. */
  static String steps(Run run) {
    StringBuilder table = new StringBuilder();
    table.append("| step | calls / lifecycle | statements / call | statements / lifecycle | selects | inserts "
        + "| updates | deletes | DB ms / lifecycle |\n");
    table.append("|---|---|---|---|---|---|---|---|---|\n");
    List<Map.Entry<String, Count>> steps = new ArrayList<>(run.statements().bySteps().entrySet());
    steps.sort(Comparator.comparing((Map.Entry<String, Count> step) -> !Steps.countsForLifecycle(step.getKey()))
        .thenComparing(step -> -step.getValue().statements()));
    Count total = Count.ZERO;
    boolean separated = false;
    for (Map.Entry<String, Count> step : steps) {
      boolean counted = Steps.countsForLifecycle(step.getKey());
      if (!counted && !separated) {
        table.append(line("**total per lifecycle**", total, run, true));
        separated = true;
      }
      if (counted) {
        total = total.plus(step.getValue());
      }
      table.append(line(counted ? step.getKey() : step.getKey() + " *(not counted)*", step.getValue(), run, false));
    }
    if (!separated) {
      table.append(line("**total per lifecycle**", total, run, true));
    }
    return table.toString();
  }

  private static String line(String name, Count count, Run run, boolean bold) {
    String calls = count.calls() == 0 ? "" : Reports.number(run.perLifecycle(count.calls()));
    String perCall = count.calls() == 0 ? "" : Reports.number(count.statements() / (double) count.calls());
    String statements = Reports.number(run.perLifecycle(count.statements()));
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
        name, calls, perCall, bold ? "**" + statements + "**" : statements,
        Reports.number(run.perLifecycle(count.selects())), Reports.number(run.perLifecycle(count.inserts())),
        Reports.number(run.perLifecycle(count.updates())), Reports.number(run.perLifecycle(count.deletes())),
        Reports.number(run.perLifecycle(count.nanos() / 1e6)));
  }

  /** Per table, the statements of a lifecycle (selects/inserts/updates/deletes) of both runs, most first. */
  static String tables(Run application, Run baseline) {
    Set<String> names = new TreeSet<>(application.statements().byTables().keySet());
    names.addAll(baseline.statements().byTables().keySet());
    List<String> ordered = new ArrayList<>(names);
    ordered.sort(Comparator.comparing((String table) ->
        -application.statements().byTables().getOrDefault(table, Count.ZERO).statements()
            - baseline.statements().byTables().getOrDefault(table, Count.ZERO).statements()));
    StringBuilder table = new StringBuilder();
    table.append("| table | application: statements (select / insert / update / delete) | baseline: statements "
        + "(select / insert / update / delete) |\n|---|---|---|\n");
    for (String name : ordered) {
      table.append("| ").append(name).append(" | ")
          .append(tableCell(application, application.statements().byTables().getOrDefault(name, Count.ZERO)))
          .append(" | ")
          .append(tableCell(baseline, baseline.statements().byTables().getOrDefault(name, Count.ZERO)))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String tableCell(Run run, Count count) {
    if (count.statements() == 0) {
      return "";
    }
    return String.format(Locale.ROOT, "%s (%s / %s / %s / %s)",
        Reports.number(run.perLifecycle(count.statements())), Reports.number(run.perLifecycle(count.selects())),
        Reports.number(run.perLifecycle(count.inserts())), Reports.number(run.perLifecycle(count.updates())),
        Reports.number(run.perLifecycle(count.deletes())));
  }

  /** Per table, how many rows a finished lifecycle leaves (history, the application's records), both runs. */
  static String rows(Run application, Run baseline) {
    Set<String> names = new LinkedHashSet<>();
    application.rows().keySet().forEach(names::add);
    baseline.rows().keySet().forEach(names::add);
    List<String> ordered = new ArrayList<>(names);
    ordered.sort(Comparator.comparing((String table) -> -application.rows().getOrDefault(table, 0L)
        - baseline.rows().getOrDefault(table, 0L)));
    StringBuilder table = new StringBuilder("| table | application: rows / lifecycle | baseline: rows / lifecycle |\n"
        + "|---|---|---|\n");
    long applicationTotal = 0;
    long baselineTotal = 0;
    for (String name : ordered) {
      long a = application.rows().getOrDefault(name, 0L);
      long b = baseline.rows().getOrDefault(name, 0L);
      applicationTotal += a;
      baselineTotal += b;
      table.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", name,
          a == 0 ? "" : Reports.number(application.perLifecycle(a)),
          b == 0 ? "" : Reports.number(baseline.perLifecycle(b))));
    }
    table.append(String.format(Locale.ROOT, "| **all tables** | **%s** | **%s** |%n",
        Reports.number(application.perLifecycle(applicationTotal)),
        Reports.number(baseline.perLifecycle(baselineTotal))));
    return table.toString();
  }

  /** the lifecycles that did not finish and the failed answers, a few of each */
  static String failures(Run run) {
    StringBuilder text = new StringBuilder();
    text.append("- ").append(run.name()).append(": ");
    if (run.failed().isEmpty() && run.calls().failures().isEmpty()) {
      return text.append("none\n").toString();
    }
    text.append(run.failed().size()).append(" lifecycles not finished");
    run.failed().stream().limit(3).forEach(failure -> text.append("\n  - `").append(Reports.oneLine(failure))
        .append('`'));
    text.append("\n");
    Reports.failures(run.calls().failures()).lines().forEach(line -> text.append("  ").append(line).append('\n'));
    return text.toString();
  }
}
