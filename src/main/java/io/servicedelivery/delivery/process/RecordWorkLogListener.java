package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.EFFORT_HOURS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PROGRESS_REPORT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PROGRESS_STATUS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.engine.TaskInputCheck;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each round's progress report of "Execute service activities" (status, effort and report) as a work-log entry
 * of the request, written by the task's assignee, when the task is completed: the variables are overwritten by the
 * next round, the work log keeps every round. Runs after {@code executionReportValidation}, so only a valid report is
 * kept.
 */
@Component("recordWorkLog")
class RecordWorkLogListener implements TaskListener {

  private final RequestNotes notes;

  RecordWorkLogListener(RequestNotes notes) {
    this.notes = notes;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskInputCheck.completedByAnother(task)) {
      return;
    }
    ProcessData data = ProcessData.of(task);
    notes.workLog(
        data.string(REQUEST_ID),
        task.getAssignee() == null ? "unassigned" : task.getAssignee(),
        data.string(PROGRESS_STATUS),
        task.getVariable(EFFORT_HOURS),
        data.string(PROGRESS_REPORT));
  }
}
