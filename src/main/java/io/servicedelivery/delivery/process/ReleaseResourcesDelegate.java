package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RELEASE_REASON;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourcePool;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives every reservation of the request back to the resource pool, for the reason the task names. */
@Component("releaseResources")
class ReleaseResourcesDelegate implements JavaDelegate {

  private final ResourcePool resourcePool;

  ReleaseResourcesDelegate(ResourcePool resourcePool) {
    this.resourcePool = resourcePool;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    resourcePool.release(data.string(REQUEST_ID), ReleaseReason.valueOf(data.string(RELEASE_REASON)));
  }
}
