package io.servicedelivery.records;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Reads the steps of a request from the engine's history: its own process instance and every instance it called
 * (resource allocation, quality control), so the record needs no audit table of its own.
 */
@Service
public class DeliverySteps {

  private final HistoryService historyService;

  public DeliverySteps(HistoryService historyService) {
    this.historyService = historyService;
  }

  /**
   * @return the tasks and boundary events of the instance and the instances it called, in the order they started; a
   *     called instance's steps come right after the steps of its caller that started before it
   */
  public List<DeliveryStep> of(String processInstanceId) {
    List<DeliveryStep> steps = new ArrayList<>();
    collect(processInstanceId, steps);
    // stable: steps that started at the same time keep the order of the engine's history
    steps.sort(Comparator.comparing(DeliveryStep::startedAt));
    return steps;
  }

  private void collect(String processInstanceId, List<DeliveryStep> steps) {
    Map<String, String> completers = completersOfTasks(processInstanceId);
    List<HistoricActivityInstance> activities =
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list();
    for (HistoricActivityInstance activity : activities) {
      if (isStep(activity.getActivityType())) {
        steps.add(step(activity, completers.get(activity.getTaskId())));
      }
      if (activity.getCalledProcessInstanceId() != null) {
        collect(activity.getCalledProcessInstanceId(), steps);
      }
    }
  }

  /**
   * Who completed each user task, by task id. The engine logs it for completions by an authenticated user (Tasklist,
   * the REST API); a task completed by code has no entry.
   */
  private Map<String, String> completersOfTasks(String processInstanceId) {
    Map<String, String> completers = new HashMap<>();
    historyService
        .createUserOperationLogQuery()
        .processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .forEach(entry -> completers.putIfAbsent(entry.getTaskId(), entry.getUserId()));
    return completers;
  }

  /** Gateways, plain events, scopes and call activities only connect the steps, or repeat what their steps say. */
  private static boolean isStep(String activityType) {
    return activityType.endsWith("Task") || activityType.equals("task") || activityType.startsWith("boundary");
  }

  private static DeliveryStep step(HistoricActivityInstance activity, String completedBy) {
    Instant startedAt = activity.getStartTime().toInstant();
    Instant endedAt = activity.getEndTime() == null ? null : activity.getEndTime().toInstant();
    return new DeliveryStep(
        activity.getProcessDefinitionKey(),
        activity.getActivityId(),
        activity.getActivityName(),
        activity.getActivityType(),
        startedAt,
        endedAt,
        endedAt == null ? null : Duration.between(startedAt, endedAt),
        activity.getAssignee(),
        completedBy,
        activity.isCanceled());
  }
}
