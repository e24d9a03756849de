package io.servicedelivery.records;

import java.time.Instant;

/**
 * One event of a trace of the event log: a step of the request (or of a process it called) started, completed or
 * was aborted.
 *
 * @param activity the step's name in the diagram, e.g. "Plan delivery"
 * @param transition the XES standard lifecycle transition: {@code start}, {@code complete} or {@code ate_abort}
 * @param resource who did it: the user who completed a user task (else its assignee), {@link #SYSTEM} for every
 *     other step; null when nobody is known
 * @param group the candidate group(s) of a user task, comma-separated; null for other steps
 * @param instance the engine's id of the step's execution: a step's start and its completion share it
 * @param process the key of the process the step belongs to, e.g. {@code quality-control}
 * @param pass the how-many-th time the step ran in the request: 2 and more are reworks and repeated passes
 */
public record EventLogEvent(
    String activity,
    String activityId,
    String activityType,
    String transition,
    Instant timestamp,
    String resource,
    String group,
    String instance,
    String process,
    int pass) {

  /** the resource of the steps the application does by itself (service, send and receive tasks, events) */
  public static final String SYSTEM = "system";

  public static final String START = "start";
  public static final String COMPLETE = "complete";
  public static final String ABORT = "ate_abort";
}
