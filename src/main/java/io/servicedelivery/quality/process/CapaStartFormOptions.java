package io.servicedelivery.quality.process;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.engine.FormInputData;
import io.servicedelivery.quality.CapaProcess.StartForm;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What "Open a CAPA" offers: the services of the catalog in force, by name, so that a QA lead chooses the service a
 * problem is about instead of typing its code. The form keeps no copy; "Open CAPA" still checks what is submitted.
 */
@Component
class CapaStartFormOptions implements FormInputData {

  private final ServiceCatalog catalog;

  CapaStartFormOptions(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String formId() {
    return StartForm.FORM_ID;
  }

  @Override
  public Map<String, Object> data() {
    List<Map<String, String>> services =
        catalog.list().stream().map(service -> Map.of("label", service.name(), "value", service.code())).toList();
    return Map.of(StartForm.SERVICES, services);
  }
}
