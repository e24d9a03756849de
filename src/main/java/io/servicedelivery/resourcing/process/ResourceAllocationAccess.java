package io.servicedelivery.resourcing.process;

import static io.servicedelivery.identity.Groups.RESOURCE_ANALYSTS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;

import io.servicedelivery.identity.ProcessAccess;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Resource analysts see the allocations they re-plan, and read them all (they re-plan any of them), so that Tasklist's
 * lists show which request each re-planning is for.
 */
@Component
class ResourceAllocationAccess implements ProcessAccess {

  @Override
  public List<Grant> grants() {
    return List.of(new Grant(RESOURCE_ANALYSTS, ResourceAllocationProcess.KEY, READ, READ_INSTANCE));
  }
}
