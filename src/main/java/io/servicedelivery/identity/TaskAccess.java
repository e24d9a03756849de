package io.servicedelivery.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/** Access to single tasks beyond what their candidate groups grant. */
@Component
public class TaskAccess {

  private final AuthorizationService authorizationService;

  TaskAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /**
   * Takes every permission on the task away from the user, whatever their groups grant: a user's REVOKE outranks the
   * GRANT their candidate group holds on the task, so the task disappears from their task list and queries, and they
   * can neither claim nor complete it. This binds administrators too: their power comes from the grants of {@code
   * camunda-admin}, which the revocation outranks as well. The engine deletes the authorization with the task.
   */
  public void revokeAll(String taskId, String userId) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      save(taskId, userId);
    } else {
      // called while the engine creates the task, under whatever authentication that command runs with
      command.runWithoutAuthorization(
          () -> {
            save(taskId, userId);
            return null;
          });
    }
  }

  private void save(String taskId, String userId) {
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(userId);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(taskId);
    revoke.removePermission(Permissions.ALL);
    authorizationService.saveAuthorization(revoke);
  }
}
