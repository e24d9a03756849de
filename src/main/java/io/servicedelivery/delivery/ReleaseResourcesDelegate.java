package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUEST_ID;

import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourcePool;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives every reservation of a cancelled or abandoned request back to the resource pool. */
@Component("releaseResources")
class ReleaseResourcesDelegate implements JavaDelegate {

  private final ResourcePool resourcePool;

  ReleaseResourcesDelegate(ResourcePool resourcePool) {
    this.resourcePool = resourcePool;
  }

  @Override
  public void execute(DelegateExecution execution) {
    resourcePool.release(ProcessData.of(execution).string(REQUEST_ID), ReleaseReason.CANCELLED);
  }
}
