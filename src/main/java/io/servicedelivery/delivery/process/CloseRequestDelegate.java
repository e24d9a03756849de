package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CANCELLATION_REASON;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CATALOG_VERSION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_QUESTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_COMPLETION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REJECTION_REASONS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_OUTCOME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_TYPE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESPONSE_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REWORK_COUNT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SERVICE_CODE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.TITLE;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.RecordClosure;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.RecordClosures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close request" (and "Close rejected request", "Close cancelled request" and "Close abandoned request" at the
 * ends of the other paths): closes the service delivery record with the outcome given by the task's input parameter
 * {@code requestOutcome}. The requester's and customer's identity are not read from the process variables: the
 * record keeps them as the request arrived (issue 12).
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
            data.string(SERVICE_CODE),
            data.integer(CATALOG_VERSION),
            data.string(REQUEST_TYPE),
            data.string(PRIORITY),
            data.string(TITLE),
            data.instant(RESPONSE_DUE_AT),
            data.instant(RESOLUTION_DUE_AT),
            data.instant(PLANNED_AT),
            data.instant(PLANNED_COMPLETION),
            data.string(ALLOCATED_RESOURCE),
            data.integer(REWORK_COUNT, 0)));
  }
}
