package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_QUESTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_RESPONSE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_NAME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.conversation.Visibility;
import io.servicedelivery.engine.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the questions asked of the customer and their answers in the request's conversation, which the customer's
 * view and the record show: *Ask customer* ends with {@code ${customerConversation.question(execution)}} (the
 * assignee's question from the task form), *Wait for customer information* with {@code
 * ${customerConversation.answer(execution)}} (the answer the message brought; nothing when the wait was cancelled by
 * its timer or a cancellation).
 */
@Component("customerConversation")
public class CustomerConversationListener {

  private static final String CUSTOMER = "customer";

  private final RequestNotes notes;

  CustomerConversationListener(RequestNotes notes) {
    this.notes = notes;
  }

  public void question(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    String question = data.string(CUSTOMER_QUESTION);
    if (execution.isCanceled() || question == null || question.isBlank()) {
      return;
    }
    String asker = data.string(ALLOCATED_RESOURCE);
    notes.add(
        data.string(REQUEST_ID), NoteKind.QUESTION, Visibility.CUSTOMER, NoteSource.TASKLIST,
        asker == null ? "service desk" : asker, question);
  }

  public void answer(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    String answer = data.string(CUSTOMER_RESPONSE);
    if (execution.isCanceled() || answer == null || answer.isBlank()) {
      return;
    }
    String requester = data.string(REQUESTER_NAME);
    notes.add(
        data.string(REQUEST_ID), NoteKind.ANSWER, Visibility.CUSTOMER, NoteSource.PROCESS,
        requester == null || requester.isBlank() ? CUSTOMER : requester, answer);
  }
}
