package io.servicedelivery.catalog.process;

import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_COMMENT;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_REQUEST_ID;
import static io.servicedelivery.catalog.CatalogChangeProcess.Variables.CATALOG_CHANGE_REVIEWED_BY;

import io.servicedelivery.catalog.CatalogChanges;
import io.servicedelivery.engine.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the rejected change request with the reviewer's comment; the catalog stays as it is. */
@Component("recordCatalogRejection")
class RecordCatalogRejectionDelegate implements JavaDelegate {

  private final CatalogChanges changes;

  RecordCatalogRejectionDelegate(CatalogChanges changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    changes.reject(
        data.longValue(CATALOG_CHANGE_REQUEST_ID),
        data.string(CATALOG_CHANGE_REVIEWED_BY),
        data.string(CATALOG_CHANGE_COMMENT));
  }
}
