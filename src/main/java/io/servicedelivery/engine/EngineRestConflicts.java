package io.servicedelivery.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code /engine-rest} answers a change that met another change of the same thing with a 409 problem instead of
 * Camunda's 500: an {@link OptimisticLockingException} that {@link ConcurrentUpdateRetries} could not resolve (the
 * resources wrap it in a {@link RestException}), and a task action on a task that somebody completed a moment
 * earlier. Everything else gets Camunda's own answer. Chosen over Camunda's mapper of {@link RestException} by its
 * higher priority (JAX-RS 2.1, section 4.4).
 */
@Priority(Priorities.USER - 100)
class EngineRestConflicts implements ExceptionMapper<RestException> {

  private static final Pattern TASK_ACTION =
      Pattern.compile("(?:^|/)task/([^/]+)/(?:complete|submit-form|resolve|claim|unclaim|assignee|variables.*)$");

  private final ObjectProvider<ProcessEngine> processEngine;

  @Context private UriInfo uriInfo;

  EngineRestConflicts(ObjectProvider<ProcessEngine> processEngine) {
    this.processEngine = processEngine;
  }

  @Override
  public Response toResponse(RestException exception) {
    String path = uriInfo == null ? "" : uriInfo.getPath();
    if (RetryLostRacesAtOnce.lostRace(exception)) {
      return ConflictProblems.conflict(ConflictProblems.reloadAndTryAgain(what(path)), "/engine-rest/" + path);
    }
    Matcher task = TASK_ACTION.matcher(path);
    if (exception.getCause() instanceof NullValueException && task.find()) {
      HistoricTaskInstance ended = endedTask(task.group(1));
      if (ended != null) {
        return ConflictProblems.conflict(
            "Task " + ended.getName() + " (" + ended.getId() + ") is no longer open: it was "
                + ("completed".equals(ended.getDeleteReason()) ? "completed" : "closed") + " at "
                + ended.getEndTime().toInstant() + (ended.getAssignee() == null ? "" : " by " + ended.getAssignee())
                + ". Reload your task list.",
            "/engine-rest/" + path);
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  private static String what(String path) {
    Matcher task = TASK_ACTION.matcher(path);
    return task.find() ? "Task " + task.group(1) : "What you changed";
  }

  /** The task as the history has it, whoever may read it: the caller knew its id and acted on it. */
  private HistoricTaskInstance endedTask(String taskId) {
    ProcessEngine engine = processEngine.getObject();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<HistoricTaskInstance> ended =
        configuration
            .getCommandExecutorTxRequired()
            .execute(
                commandContext ->
                    commandContext.runWithoutAuthorization(
                        () ->
                            engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
                                .finished().list()));
    return ended.isEmpty() ? null : ended.get(0);
  }
}
