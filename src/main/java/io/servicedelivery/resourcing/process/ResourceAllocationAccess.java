package io.servicedelivery.resourcing.process;

import static io.servicedelivery.identity.Groups.RESOURCE_ANALYSTS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import io.servicedelivery.identity.ProcessAccess;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import java.util.List;
import org.springframework.stereotype.Component;

/** Resource analysts see the allocations they re-plan. */
@Component
class ResourceAllocationAccess implements ProcessAccess {

  @Override
  public List<Grant> grants() {
    return List.of(new Grant(RESOURCE_ANALYSTS, ResourceAllocationProcess.KEY, READ));
  }
}
