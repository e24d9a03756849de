package io.servicedelivery.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Gives some of the waiting timer jobs due dates spread over a window that starts shortly after now (the others
 * stay active, due in a month), waits until those have fired and reads from the history when each one fired.
 */
final class TimerLoad {

  static final Duration LEAD = Duration.ofSeconds(5);
  static final Duration PATIENCE = Duration.ofMinutes(10);

  /** How many of the active timers come due, and over how long. */
  record Scenario(String name, int dueTimers, Duration window) {

    String describe(int activeTimers) {
      return dueTimers == activeTimers && window.isZero()
          ? "all " + activeTimers + " due at once"
          : String.format(
              "%d of %d active timers due evenly within %d s", dueTimers, activeTimers, window.toSeconds());
    }
  }

  /** The timers given a due date, and when each was due, by process instance and timer activity. */
  record Scheduled(Set<String> jobIds, Map<String, Instant> due) {}

  private record Timer(Job job, String activityId) {}

  private TimerLoad() {}

  static Scheduled schedule(ManagementService management, List<String> timerActivityIds, Scenario scenario) {
    List<Timer> timers = new ArrayList<>();
    for (String activityId : timerActivityIds) {
      management.createJobQuery().timers().activityId(activityId).list()
          .forEach(job -> timers.add(new Timer(job, activityId)));
    }
    int count = Math.min(scenario.dueTimers(), timers.size());
    Instant start = Instant.now().plus(LEAD);
    Set<String> jobIds = new HashSet<>();
    Map<String, Instant> due = new HashMap<>();
    for (int i = 0; i < count; i++) {
      // every n-th timer, so that the due ones are spread over the activities and requests
      Timer timer = timers.get((int) ((long) i * timers.size() / count));
      Instant at = start.plus(scenario.window().multipliedBy(i).dividedBy(Math.max(1, count)));
      management.setJobDuedate(timer.job().getId(), Date.from(at));
      jobIds.add(timer.job().getId());
      due.put(key(timer.job().getProcessInstanceId(), timer.activityId()), at);
    }
    return new Scheduled(jobIds, due);
  }

  static TimerRun measure(
      String name, HistoryService history, ManagementService management, List<String> timerActivityIds,
      Scheduled scheduled) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (pending(management, scheduled) > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    if (pending(management, scheduled) > 0) {
      throw new IllegalStateException(name + ": timers still pending after " + PATIENCE);
    }
    List<Duration> lags = new ArrayList<>();
    Instant firstDue = Instant.MAX;
    Instant lastFired = Instant.MIN;
    for (String activityId : timerActivityIds) {
      for (HistoricActivityInstance fired :
          history.createHistoricActivityInstanceQuery().activityId(activityId).finished().list()) {
        Instant dueAt = scheduled.due().get(key(fired.getProcessInstanceId(), activityId));
        if (dueAt == null) {
          continue;
        }
        Instant firedAt = fired.getEndTime().toInstant();
        lags.add(Duration.between(dueAt, firedAt));
        firstDue = dueAt.isBefore(firstDue) ? dueAt : firstDue;
        lastFired = firedAt.isAfter(lastFired) ? firedAt : lastFired;
      }
    }
    return new TimerRun(name, lags, Duration.between(firstDue, lastFired));
  }

  private static String key(String processInstanceId, String activityId) {
    return processInstanceId + "/" + activityId;
  }

  private static long pending(ManagementService management, Scheduled scheduled) {
    return management.createJobQuery().jobIds(scheduled.jobIds()).count();
  }
}
