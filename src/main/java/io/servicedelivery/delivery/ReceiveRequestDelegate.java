package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.CHANNEL;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUEST_ID;

import io.servicedelivery.intake.Channel;
import io.servicedelivery.records.ServiceDeliveryRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A: gives the request its id (the business key, unless the caller brought one) and opens its delivery record. */
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
    String channel = Channel.normalize(ProcessData.of(execution).string(CHANNEL));
    Instant receivedAt = clock.instant();
    records.open(requestId, execution.getProcessInstanceId(), channel, receivedAt);
    execution.setVariable(REQUEST_ID, requestId);
    execution.setVariable(CHANNEL, channel);
    execution.setVariable(RECEIVED_AT, Date.from(receivedAt));
  }
}
