package io.servicedelivery.catalog.process;

import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_PROPOSED_BY;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_REQUEST_ID;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_REVIEWED_BY;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.engine.CompletingUser;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.TaskAccess;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on "Review catalog change": the proposer of a change must not review it. On {@code create} the proposer
 * loses all access to the task (they do not even see it); as a second line of defence, which also holds where
 * authorizations are not checked (calls without authentication, an engine with authorization switched off),
 * assigning the task to the proposer or completing it as the proposer fails. On
 * {@code complete} the reviewer is recorded in {@value CatalogChangeProcess.Variables#CATALOG_CHANGE_REVIEWED_BY}.
 * On {@code create} it also writes what the reviewer's form shows ({@link CatalogChangeDisplay}).
 */
@Component("catalogChangeFourEyes")
class CatalogChangeFourEyesListener implements TaskListener {

  private final TaskAccess taskAccess;
  private final CatalogChangeDisplay display;
  private final IdentityService identityService;

  CatalogChangeFourEyesListener(
      TaskAccess taskAccess, CatalogChangeDisplay display, IdentityService identityService) {
    this.taskAccess = taskAccess;
    this.display = display;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    ProcessData data = ProcessData.of(task);
    String proposer = data.string(CATALOG_CHANGE_PROPOSED_BY);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        taskAccess.revokeAll(task.getId(), proposer);
        display.write(task);
      }
      case EVENTNAME_ASSIGNMENT -> {
        if (proposer.equals(task.getAssignee())) {
          throw fourEyes(data, proposer);
        }
      }
      case EVENTNAME_COMPLETE -> {
        String reviewer = CompletingUser.of(task, identityService);
        if (reviewer == null) {
          throw new AuthorizationException(
              "Catalog change request " + data.string(CATALOG_CHANGE_REQUEST_ID)
                  + " needs a known reviewer: claim the task or complete it as an authenticated user.");
        }
        if (proposer.equals(reviewer)) {
          throw fourEyes(data, proposer);
        }
        task.setVariable(CATALOG_CHANGE_REVIEWED_BY, reviewer);
      }
      default -> {}
    }
  }

  /** Who completes the task: the authenticated user (Tasklist, REST API), else the assignee. */
  private static AuthorizationException fourEyes(ProcessData data, String proposer) {
    return new AuthorizationException(
        "Four eyes: " + proposer + " proposed catalog change request " + data.string(CATALOG_CHANGE_REQUEST_ID)
            + " and may not review it; another operations manager must.");
  }
}
