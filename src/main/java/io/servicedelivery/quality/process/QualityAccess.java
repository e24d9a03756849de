package io.servicedelivery.quality.process;

import static io.servicedelivery.identity.Groups.QUALITY_ASSURANCE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;

import io.servicedelivery.identity.ProcessAccess;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * QA leads see the quality control of a delivery, and open CAPAs in Tasklist; managers see them (and answer their
 * escalations) through their grant on any process definition. QA leads read every quality control (they review any
 * delivery), so that Tasklist's lists show which request each review is for.
 */
@Component
class QualityAccess implements ProcessAccess {

  @Override
  public List<Grant> grants() {
    return List.of(
        new Grant(QUALITY_ASSURANCE, QualityControlProcess.KEY, READ, READ_INSTANCE),
        new Grant(QUALITY_ASSURANCE, CapaProcess.KEY, READ, CREATE_INSTANCE));
  }
}
