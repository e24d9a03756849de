package io.servicedelivery.catalog;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the service catalog for every authenticated user and system. */
@RestController
@RequestMapping("/api/catalog/services")
class ServiceCatalogController {

  private final ServiceCatalog catalog;

  ServiceCatalogController(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  List<ServiceSummary> list() {
    return catalog.list();
  }

  @GetMapping("/{code}")
  ServiceDefinition get(@PathVariable String code) {
    return catalog.get(code);
  }
}
