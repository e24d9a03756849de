package io.servicedelivery.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@link FormGuard} in front of {@code /engine-rest}: a completion or start with variables its form does not submit is
 * a 400 problem, a write of process variables by anybody but a Camunda administrator a 403 problem. Runs after
 * Camunda's authentication filter, which has set the caller on the engine.
 */
@Priority(Priorities.AUTHORIZATION + 100)
class EngineRestFormGuard implements ContainerRequestFilter {

  private final ObjectProvider<ProcessEngine> processEngine;
  private final TaskFormFields formFields;
  private final FormGuard guard;

  EngineRestFormGuard(ObjectProvider<ProcessEngine> processEngine, TaskFormFields formFields) {
    this.processEngine = processEngine;
    this.formFields = formFields;
    this.guard = new FormGuard(formFields);
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String path = request.getUriInfo().getPath();
    String method = request.getMethod();
    String instance = "/engine-rest/" + (path.startsWith("/") ? path.substring(1) : path);
    guard
        .refusal(method, path, instance, () -> body(request), camundaAdministrator(),
            new FormGuard.Visible(formFields::visibleTask, formFields::visibleDefinition))
        .ifPresent(request::abortWith);
  }

  /** The body, left in place for the resource that reads it next. */
  private static byte[] body(ContainerRequestContext request) {
    if (!request.hasEntity()) {
      return new byte[0];
    }
    try {
      byte[] body = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(body));
      return body;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private boolean camundaAdministrator() {
    Authentication caller = processEngine.getObject().getIdentityService().getCurrentAuthentication();
    return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }
}
