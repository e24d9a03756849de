package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Messages.CUSTOMER_INFORMATION_RECEIVED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Messages.DELIVERY_CONFIRMED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Messages.DELIVERY_OBJECTED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Messages.SERVICE_REQUEST_CANCELLED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Messages.SERVICE_REQUEST_SUBMITTED;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.intake.NewServiceRequest;
import io.servicedelivery.intake.RequestProcess;
import io.servicedelivery.sla.Priority;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Intake's requests, as messages and variables of the process service-delivery: a stored request starts an instance
 * (message start event "Service request submitted"), and the customer's cancellation, answer and priority change
 * reach the running instance, and so do the customer's confirmation of, or objection to, a completed delivery. Each call is one engine command, in the caller's transaction if there is one.
 */
@Component
class ServiceDeliveryRequests implements RequestProcess {

  private final RuntimeService runtimeService;

  ServiceDeliveryRequests(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void start(String requestId, NewServiceRequest request, int catalogVersion) {
    runtimeService
        .createMessageCorrelation(SERVICE_REQUEST_SUBMITTED)
        .processInstanceBusinessKey(requestId)
        .setVariables(RequestVariables.of(request, catalogVersion))
        .correlateStartMessage();
  }

  @Override
  public void cancel(String processInstanceId, String reason) {
    runtimeService
        .createMessageCorrelation(SERVICE_REQUEST_CANCELLED)
        .processInstanceId(processInstanceId)
        .setVariable(Variables.CANCELLATION_REASON, reason)
        .correlateWithResult();
  }

  @Override
  public void answer(String processInstanceId, String answer) {
    runtimeService
        .createMessageCorrelation(CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceId(processInstanceId)
        .setVariable(Variables.CUSTOMER_RESPONSE, answer)
        .correlateWithResult();
  }

  @Override
  public void confirm(String processInstanceId) {
    runtimeService
        .createMessageCorrelation(DELIVERY_CONFIRMED)
        .processInstanceId(processInstanceId)
        .correlateWithResult();
  }

  @Override
  public void reopen(String processInstanceId, String objection) {
    runtimeService
        .createMessageCorrelation(DELIVERY_OBJECTED)
        .processInstanceId(processInstanceId)
        .setVariable(Variables.CUSTOMER_OBJECTION, objection)
        .correlateWithResult();
  }

  @Override
  public void changePriority(String processInstanceId, Priority priority, String reason) {
    runtimeService.setVariables(
        processInstanceId, Map.of(Variables.PRIORITY_CHANGE_REASON, reason, Variables.NEW_PRIORITY, priority.name()));
  }

  @Override
  public Optional<String> assigneeOf(String processInstanceId) {
    // the variable of the instance's own scope; one query, none for an instance that has ended
    return runtimeService
        .createVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId)
        .variableName(Variables.ALLOCATED_RESOURCE)
        .list()
        .stream()
        .filter(variable -> processInstanceId.equals(variable.getExecutionId()))
        .map(variable -> variable.getValue())
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .findFirst();
  }
}
