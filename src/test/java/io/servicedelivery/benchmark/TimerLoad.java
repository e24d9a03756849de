package io.servicedelivery.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Spreads the due dates of the waiting timer jobs over a window that starts shortly after now, waits until they
 * have fired and reads from the history when each one fired.
 */
final class TimerLoad {

  static final Duration LEAD = Duration.ofSeconds(5);
  /** due times spread evenly over this window: the lag of a steady stream */
  static final Duration SPREAD = Duration.ofSeconds(20);
  /** all due at the same moment: how fast the job executor works off a backlog */
  static final Duration BURST = Duration.ZERO;
  static final Duration PATIENCE = Duration.ofMinutes(10);

  private TimerLoad() {}

  /** @return the due date given to each timer, by process instance and timer activity */
  static Map<String, Instant> scheduleAll(
      ManagementService management, List<String> timerActivityIds, Duration window) {
    List<String[]> timers = new ArrayList<>();
    for (String activityId : timerActivityIds) {
      for (Job job : management.createJobQuery().timers().activityId(activityId).list()) {
        timers.add(new String[] {job.getId(), job.getProcessInstanceId() + "/" + activityId});
      }
    }
    Instant start = Instant.now().plus(LEAD);
    Map<String, Instant> due = new HashMap<>();
    for (int i = 0; i < timers.size(); i++) {
      Instant at = start.plus(window.multipliedBy(i).dividedBy(Math.max(1, timers.size())));
      management.setJobDuedate(timers.get(i)[0], Date.from(at));
      due.put(timers.get(i)[1], at);
    }
    return due;
  }

  static TimerRun measure(
      String name, HistoryService history, ManagementService management, List<String> timerActivityIds,
      Map<String, Instant> due) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (pending(management, timerActivityIds) > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    if (pending(management, timerActivityIds) > 0) {
      throw new IllegalStateException(name + ": timers still pending after " + PATIENCE);
    }
    List<Duration> lags = new ArrayList<>();
    Instant firstDue = Instant.MAX;
    Instant lastFired = Instant.MIN;
    for (String activityId : timerActivityIds) {
      for (HistoricActivityInstance fired :
          history.createHistoricActivityInstanceQuery().activityId(activityId).finished().list()) {
        Instant dueAt = due.get(fired.getProcessInstanceId() + "/" + activityId);
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

  private static long pending(ManagementService management, List<String> timerActivityIds) {
    long pending = 0;
    for (String activityId : timerActivityIds) {
      pending += management.createJobQuery().timers().activityId(activityId).count();
    }
    return pending;
  }
}
