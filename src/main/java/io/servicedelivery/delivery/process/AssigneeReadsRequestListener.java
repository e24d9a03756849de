package io.servicedelivery.delivery.process;

import io.servicedelivery.identity.InstanceAccess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Execute service activities" (create): the person the delivery is assigned to reads the request, so that their
 * Tasklist list shows which request the task is for. Staff read only the requests they work on; coordinators,
 * managers and the groups of the called processes read through their groups' grants.
 */
@Component("assigneeReadsRequest")
class AssigneeReadsRequestListener implements TaskListener {

  private final InstanceAccess access;

  AssigneeReadsRequestListener(InstanceAccess access) {
    this.access = access;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      access.letRead(task.getProcessInstanceId(), task.getAssignee());
    }
  }
}
