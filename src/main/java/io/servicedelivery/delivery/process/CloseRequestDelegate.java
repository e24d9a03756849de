package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CANCELLATION_REASON;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CLOSED_BY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_QUESTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_COMPLETION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REJECTION_REASONS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_OUTCOME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REWORK_COUNT;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.ClosedBy;
import io.servicedelivery.records.RecordClosure;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.RecordClosures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close request" (and "Close rejected request", "Close cancelled request" and "Close abandoned request" at the
 * ends of the other paths): closes the service delivery record with the outcome given by the task's input parameter
 * {@code requestOutcome}, and what the record learns only at the end (the plan, who did the work, the reworks).
 * What it holds since the request arrived or was validated (the requester and customer, the service, the terms, the
 * due dates) is not read from the process variables again. A delivered request (outcome CLOSED) is closed after
 * the customer confirmed it or let the confirmation period pass: the variable {@code closedBy} says which.
 */
@Component("closeRequest")
class CloseRequestDelegate implements JavaDelegate {

  private final RecordClosures closures;

  CloseRequestDelegate(RecordClosures closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    RequestOutcome outcome = RequestOutcome.valueOf(data.string(REQUEST_OUTCOME));
    String reason =
        switch (outcome) {
          case REJECTED -> data.string(REJECTION_REASONS);
          case CANCELLED -> data.string(CANCELLATION_REASON);
          case ABANDONED -> "No answer from the customer to: " + data.string(CUSTOMER_QUESTION);
          default -> null;
        };
    closures.close(
        new RecordClosure(
            data.string(REQUEST_ID),
            outcome,
            reason,
            data.string(PRIORITY),
            data.instant(PLANNED_AT),
            data.instant(PLANNED_COMPLETION),
            data.string(ALLOCATED_RESOURCE),
            data.integer(REWORK_COUNT, 0),
            outcome == RequestOutcome.CLOSED && data.string(CLOSED_BY) != null
                ? ClosedBy.valueOf(data.string(CLOSED_BY))
                : null));
  }
}
