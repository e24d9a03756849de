package io.servicedelivery.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task: the authenticated user (Tasklist, REST API), else the assignee; null if neither is known. */
public final class CompletingUser {

  private CompletingUser() {}

  public static String of(DelegateTask task, IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
  }
}
