package io.servicedelivery.engine;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * An {@link OptimisticLockingException} that reaches {@code /engine-rest} unwrapped is a 409 problem too; this mapper
 * is nearer to the exception's type than Camunda's mapper of every {@code ProcessEngineException}.
 */
class EngineRestLostRaces implements ExceptionMapper<OptimisticLockingException> {

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(OptimisticLockingException exception) {
    String path = uriInfo == null ? "" : uriInfo.getPath();
    return ConflictProblems.conflict(
        ConflictProblems.reloadAndTryAgain("What you changed"), "/engine-rest/" + path);
  }
}
