package io.servicedelivery.engine;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A task action ({@code /engine-rest/task/{id}/complete} and the like) on a task that is no longer open, because
 * somebody completed it a moment earlier, is a conflict: the caller's view is out of date. Depending on how close the
 * two were, the engine says "task not found" or, because the task's authorizations went with it, "not authorized";
 * either way the history tells whether the task existed and ended.
 */
class EndedTasks {

  private static final Pattern TASK_ACTION =
      Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve|claim|unclaim|assignee|variables.*)$");

  /** Taken when a call needs it: the REST API is built with the web server, before the engine and Flyway. */
  private final ObjectProvider<ProcessEngine> processEngine;

  EndedTasks(ObjectProvider<ProcessEngine> processEngine) {
    this.processEngine = processEngine;
  }

  static Optional<String> taskOf(String path) {
    Matcher task = TASK_ACTION.matcher(path);
    return task.find() ? Optional.of(task.group(1)) : Optional.empty();
  }

  /**
   * @param sayWho whether the caller may learn who completed the task (not when the engine refused them the task)
   * @return the 409 problem when {@code path} acts on a task that ended
   */
  Optional<Response> conflict(String path, boolean sayWho) {
    return taskOf(path)
        .flatMap(this::ended)
        .map(
            task ->
                ConflictProblems.conflict(
                    "Task " + task.getName() + " (" + task.getId() + ") is no longer open: it was "
                        + ("completed".equals(task.getDeleteReason()) ? "completed" : "closed") + " at "
                        + task.getEndTime().toInstant() + (sayWho ? completedBy(task.getId()) : "")
                        + ". Reload your task list.",
                    "/engine-rest/" + path));
  }

  private Optional<HistoricTaskInstance> ended(String taskId) {
    return withoutAuthorization(
        engine ->
            engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().list().stream()
                .findFirst());
  }

  private String completedBy(String taskId) {
    return withoutAuthorization(
        engine ->
            engine.getHistoryService().createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId)
                .filter(user -> user != null)
                .findFirst()
                .map(user -> " by " + user)
                .orElse(""));
  }

  /** The history as it is, whoever may read it: the caller knew the task's id and acted on it. */
  private <T> T withoutAuthorization(Function<ProcessEngine, T> query) {
    ProcessEngine engine = processEngine.getObject();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.runWithoutAuthorization(() -> query.apply(engine)));
  }
}
