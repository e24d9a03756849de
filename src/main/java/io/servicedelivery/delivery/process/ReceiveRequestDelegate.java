package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CHANNEL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.intake.Channel;
import io.servicedelivery.intake.ServiceRequest;
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
    ServiceRequest request = RequestVariables.read(execution);
    String channel = Channel.normalize(request.channel());
    Instant receivedAt = clock.instant();
    records.open(
        new ReceivedRequest(
            requestId,
            execution.getProcessInstanceId(),
            channel,
            receivedAt,
            request.serviceCode(),
            request.requestType(),
            request.priority(),
            request.title(),
            request.description(),
            request.requesterName(),
            request.requesterEmail(),
            request.customerId(),
            request.requesterTimeZone(),
            execution
                .getProcessEngineServices()
                .getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId())
                .getVersion()));
    execution.setVariable(REQUEST_ID, requestId);
    execution.setVariable(CHANNEL, channel);
    execution.setVariable(RECEIVED_AT, Date.from(receivedAt));
  }
}
