package io.servicedelivery.resourcing.process;

import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.PREFERRED_RESOURCE;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.resourcing.ResourcePool;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reserves the person the resource analyst chose, or reports why they cannot take the request. */
@Component("reserveChosenResource")
class ReserveChosenResourceDelegate implements JavaDelegate {

  private final ResourcePool resourcePool;
  private final Clock clock;

  ReserveChosenResourceDelegate(ResourcePool resourcePool, Clock clock) {
    this.resourcePool = resourcePool;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    AllocationVariables.write(
        execution,
        resourcePool.reserve(AllocationVariables.request(data, clock.instant()), data.string(PREFERRED_RESOURCE)));
  }
}
