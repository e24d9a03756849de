package io.servicedelivery.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Read access to single process instances beyond what the groups' grants give: the person a request's work is
 * assigned to reads that request (Tasklist shows its number, title, priority and due time with their task, reading them
 * with the reader's permissions on the instance), and no other. The engine deletes the grant when the instance ends.
 */
@Component
public class InstanceAccess {

  private final AuthorizationService authorizationService;

  InstanceAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Lets the user read the process instance and its variables; nothing when they already may. */
  public void letRead(String processInstanceId, String userId) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      grant(processInstanceId, userId);
    } else {
      // called while the engine creates a task, under whatever authentication that command runs with
      command.runWithoutAuthorization(
          () -> {
            grant(processInstanceId, userId);
            return null;
          });
    }
  }

  private void grant(String processInstanceId, String userId) {
    long granted =
        authorizationService
            .createAuthorizationQuery()
            .userIdIn(userId)
            .resourceType(Resources.PROCESS_INSTANCE)
            .resourceId(processInstanceId)
            .count();
    if (granted == 0) {
      Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setUserId(userId);
      read.setResource(Resources.PROCESS_INSTANCE);
      read.setResourceId(processInstanceId);
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
