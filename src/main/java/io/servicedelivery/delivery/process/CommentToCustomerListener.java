package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_COMMENT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.engine.TaskInputCheck;
import io.servicedelivery.intake.RequestConversations;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The optional *Comment to the customer* of "Execute service activities": when the task is completed with one, it is
 * kept as a comment the customer reads, written by the task's assignee, and the requester gets it by mail; the field is
 * emptied then, so that the next round starts without it. Runs after {@code executionReportValidation}.
 */
@Component("commentToCustomer")
class CommentToCustomerListener implements TaskListener {

  private final RequestConversations conversations;

  CommentToCustomerListener(RequestConversations conversations) {
    this.conversations = conversations;
  }

  @Override
  public void notify(DelegateTask task) {
    ProcessData data = ProcessData.of(task);
    String comment = data.string(CUSTOMER_COMMENT);
    if (TaskInputCheck.completedByAnother(task) || comment == null || comment.isBlank()) {
      return;
    }
    conversations.commentForCustomer(
        data.string(REQUEST_ID), task.getAssignee() == null ? "service desk" : task.getAssignee(), comment.strip(),
        NoteSource.TASKLIST);
    task.setVariable(CUSTOMER_COMMENT, null);
  }
}
