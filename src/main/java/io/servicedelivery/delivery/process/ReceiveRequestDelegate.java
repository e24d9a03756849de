package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CHANNEL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_EMAIL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_NAME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_TYPE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SERVICE_CODE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.TITLE;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.intake.Channel;
import io.servicedelivery.records.ReceivedRequest;
import io.servicedelivery.records.ServiceDeliveryRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Receive request": gives the request its id (the business key, unless the caller brought one) and opens its delivery
 * record with the request as it arrived.
 */
@Component("receiveRequest")
class ReceiveRequestDelegate implements JavaDelegate {

  private final ServiceDeliveryRecords records;
  private final Clock clock;

  ReceiveRequestDelegate(ServiceDeliveryRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = execution.getProcessBusinessKey();
    if (requestId == null || requestId.isBlank()) {
      requestId = records.nextRequestId();
      execution.setProcessBusinessKey(requestId);
    }
    ProcessData data = ProcessData.of(execution);
    String channel = Channel.normalize(data.string(CHANNEL));
    Instant receivedAt = clock.instant();
    records.open(
        new ReceivedRequest(
            requestId,
            execution.getProcessInstanceId(),
            channel,
            receivedAt,
            data.string(SERVICE_CODE),
            data.string(REQUEST_TYPE),
            data.string(PRIORITY),
            data.string(TITLE),
            data.string(REQUESTER_NAME),
            data.string(REQUESTER_EMAIL),
            data.string(CUSTOMER_ID)));
    execution.setVariable(REQUEST_ID, requestId);
    execution.setVariable(CHANNEL, channel);
    execution.setVariable(RECEIVED_AT, Date.from(receivedAt));
  }
}
