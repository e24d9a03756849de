package io.servicedelivery.catalog.process;

import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_COMMENT;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_PUBLISHED_VERSION;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_REQUEST_ID;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_REVIEWED_BY;

import io.servicedelivery.catalog.CatalogChanges;
import io.servicedelivery.engine.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the approved change as the next version of its service, effective at the time the proposal states. */
@Component("publishCatalogVersion")
class PublishCatalogVersionDelegate implements JavaDelegate {

  private final CatalogChanges changes;

  PublishCatalogVersionDelegate(CatalogChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    int version =
        changes.approve(
            data.longValue(CATALOG_CHANGE_REQUEST_ID),
            data.string(CATALOG_CHANGE_REVIEWED_BY),
            data.string(CATALOG_CHANGE_COMMENT));
    execution.setVariable(CATALOG_CHANGE_PUBLISHED_VERSION, version);
  }
}
