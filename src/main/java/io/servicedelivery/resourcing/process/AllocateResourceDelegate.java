package io.servicedelivery.resourcing.process;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.resourcing.ResourcePool;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reserves the best fitting person for the request's skill and planned window, or reports why nobody fits. */
@Component("allocateResource")
class AllocateResourceDelegate implements JavaDelegate {

  private final ResourcePool resourcePool;
  private final Clock clock;

  AllocateResourceDelegate(ResourcePool resourcePool, Clock clock) {
    this.resourcePool = resourcePool;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    AllocationVariables.write(
        execution, resourcePool.allocate(AllocationVariables.request(data, clock.instant())));
  }
}
