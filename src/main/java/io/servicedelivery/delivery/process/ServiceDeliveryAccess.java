package io.servicedelivery.delivery.process;

import static io.servicedelivery.identity.Groups.OPERATIONAL_STAFF;
import static io.servicedelivery.identity.Groups.QUALITY_ASSURANCE;
import static io.servicedelivery.identity.Groups.RESOURCE_ANALYSTS;
import static io.servicedelivery.identity.Groups.SERVICE_COORDINATORS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.identity.ProcessAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Coordinators start deliveries in Tasklist, and read every delivery (as they do through the API), so that Tasklist's
 * lists show which request each of their tasks is for ({@link ServiceDeliveryTasklistVariables}): it reads those
 * variables with the reader's permissions on the instance, not on the task. Everybody who works on a delivery sees
 * its definition.
 */
@Component
class ServiceDeliveryAccess implements ProcessAccess {

  @Override
  public List<Grant> grants() {
    return List.of(
        new Grant(SERVICE_COORDINATORS, ServiceDeliveryProcess.KEY, READ, CREATE_INSTANCE, READ_INSTANCE),
        new Grant(OPERATIONAL_STAFF, ServiceDeliveryProcess.KEY, READ),
        new Grant(QUALITY_ASSURANCE, ServiceDeliveryProcess.KEY, READ),
        new Grant(RESOURCE_ANALYSTS, ServiceDeliveryProcess.KEY, READ));
  }
}
