package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REWORK_COUNT;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.resourcing.ResourcePool;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts a failed quality check (the request is no longer first-time-right) and reserves the person who delivered
 * it again for the rework.
 */
@Component("registerRework")
class RegisterReworkDelegate implements JavaDelegate {

  private final ResourcePool resourcePool;

  RegisterReworkDelegate(ResourcePool resourcePool) {
    this.resourcePool = resourcePool;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    resourcePool.reserveForRework(data.string(REQUEST_ID), data.string(ALLOCATED_RESOURCE));
    execution.setVariable(REWORK_COUNT, data.integer(REWORK_COUNT, 0) + 1);
  }
}
