package io.servicedelivery.engine;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * A task action refused because the task's authorizations ended with the task, a moment before, is a 409 conflict
 * ({@link EndedTasks}); every other refusal stays Camunda's 403. Nearer to the exception's type than Camunda's mapper
 * of every {@code ProcessEngineException}.
 */
class EngineRestRefusals implements ExceptionMapper<AuthorizationException> {

  private final EndedTasks endedTasks;

  @Context private UriInfo uriInfo;

  EngineRestRefusals(EndedTasks endedTasks) {
    this.endedTasks = endedTasks;
  }

  @Override
  public Response toResponse(AuthorizationException exception) {
    String path = uriInfo == null ? "" : uriInfo.getPath();
    return endedTasks
        .conflict(path, false)
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
  }
}
