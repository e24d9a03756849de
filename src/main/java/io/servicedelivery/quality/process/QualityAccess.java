package io.servicedelivery.quality.process;

import static io.servicedelivery.identity.Groups.QUALITY_ASSURANCE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import io.servicedelivery.identity.ProcessAccess;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * QA leads see the quality control of a delivery, and open CAPAs in Tasklist; managers see them (and answer their
 * escalations) through their grant on any process definition.
 */
@Component
class QualityAccess implements ProcessAccess {

  @Override
  public List<Grant> grants() {
    return List.of(
        new Grant(QUALITY_ASSURANCE, QualityControlProcess.KEY, READ),
        new Grant(QUALITY_ASSURANCE, CapaProcess.KEY, READ, CREATE_INSTANCE));
  }
}
