package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ProcessConstants.Variables.ALLOCATION_NOTE;
import static io.servicedelivery.delivery.ProcessConstants.Variables.PREFERRED_RESOURCE;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUIRED_SKILL;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RESOURCE_ALLOCATED;

import io.servicedelivery.resourcing.Allocation;
import io.servicedelivery.resourcing.ResourcePool;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reserves a qualified person with free capacity for the request, or reports why nobody fits. */
@Component("allocateResource")
class AllocateResourceDelegate implements JavaDelegate {

  private final ResourcePool resourcePool;

  AllocateResourceDelegate(ResourcePool resourcePool) {
    this.resourcePool = resourcePool;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    Allocation allocation =
        resourcePool.allocate(data.string(REQUEST_ID), data.string(REQUIRED_SKILL), data.string(PREFERRED_RESOURCE));
    execution.setVariable(RESOURCE_ALLOCATED, allocation.allocated());
    execution.setVariable(ALLOCATED_RESOURCE, allocation.userId());
    execution.setVariable(ALLOCATION_NOTE, allocation.note());
  }
}
