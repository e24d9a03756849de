package io.servicedelivery.delivery.process;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.catalog.ServiceSummary;
import io.servicedelivery.delivery.ServiceDeliveryProcess.OrderForm;
import io.servicedelivery.engine.FormInputData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the order form offers, from the catalog in force when the form is shown: the services, and the request types
 * of each, so that the form offers only the types of the chosen service. A catalog version that takes effect changes
 * the options with it; the form keeps no copy. "Validate request and SLA" still judges what is submitted.
 */
@Component
class OrderFormOptions implements FormInputData {

  private final ServiceCatalog catalog;

  OrderFormOptions(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String formId() {
    return OrderForm.FORM_ID;
  }

  @Override
  public Map<String, Object> data() {
    List<Map<String, String>> services = new ArrayList<>();
    List<Map<String, String>> requestTypes = new ArrayList<>();
    for (ServiceSummary summary : catalog.list()) {
      services.add(option(summary.name(), summary.code()));
      catalog.find(summary.code()).map(ServiceDefinition::requestTypes).orElse(List.of())
          .forEach(type -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("service", summary.code());
            option.putAll(option(type.name(), type.code()));
            requestTypes.add(option);
          });
    }
    return Map.of(OrderForm.SERVICES, services, OrderForm.REQUEST_TYPES, requestTypes);
  }

  private static Map<String, String> option(String label, String value) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }
}
