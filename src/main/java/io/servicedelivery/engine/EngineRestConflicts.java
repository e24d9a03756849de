package io.servicedelivery.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * {@code /engine-rest} answers a change that met another change of the same thing with a 409 problem instead of
 * Camunda's 500: an {@link OptimisticLockingException} that {@link ConcurrentUpdateRetries} could not resolve (the
 * resources wrap it in a {@link RestException}), and a task action on a task that somebody completed a moment
 * earlier ({@link EndedTasks}). A submission a task refused ({@code InvalidTaskInputException} among the causes) is
 * the 400 problem of {@link InvalidTaskInputs}. Everything else gets Camunda's own answer. Chosen over Camunda's
 * mapper of {@link RestException} by its higher priority (JAX-RS 2.1, section 4.4).
 */
@Priority(Priorities.USER - 100)
class EngineRestConflicts implements ExceptionMapper<RestException> {

  private final EndedTasks endedTasks;

  @Context private UriInfo uriInfo;

  EngineRestConflicts(EndedTasks endedTasks) {
    this.endedTasks = endedTasks;
  }

  @Override
  public Response toResponse(RestException exception) {
    String path = uriInfo == null ? "" : uriInfo.getPath();
    Optional<Response> invalid = InvalidTaskInputs.problem(exception, "/engine-rest/" + path);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    if (RetryLostRacesAtOnce.lostRace(exception)) {
      return ConflictProblems.conflict(
          ConflictProblems.reloadAndTryAgain(
              EndedTasks.taskOf(path).map(id -> "Task " + id).orElse("What you changed")),
          "/engine-rest/" + path);
    }
    if (exception.getCause() instanceof NullValueException) {
      Optional<Response> ended = endedTasks.conflict(path, true);
      if (ended.isPresent()) {
        return ended.get();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }
}
