package io.servicedelivery.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * A submission that a validating task listener refused ({@code InvalidTaskInputException}) is a 400 problem naming
 * each field and why, wherever it is among the causes; a {@code RestException} wrapping it is answered by {@link
 * EngineRestConflicts}. Every other engine exception gets Camunda's own answer. Chosen over Camunda's mapper of
 * every {@link ProcessEngineException} by its higher priority; the mappers of nearer types ({@link
 * EngineRestRefusals}, {@link EngineRestLostRaces}) keep theirs.
 */
@Priority(Priorities.USER - 100)
class EngineRestInvalidInput implements ExceptionMapper<ProcessEngineException> {

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(ProcessEngineException exception) {
    String path = uriInfo == null ? "" : uriInfo.getPath();
    return InvalidTaskInputs.problem(exception, "/engine-rest/" + path)
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
  }
}
