package io.servicedelivery.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the service catalog for every authenticated user and system. */
@RestController
@RequestMapping("/api/catalog/services")
@Tag(name = "Service catalog")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
class ServiceCatalogController {

  private final ServiceCatalog catalog;

  ServiceCatalogController(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  @Operation(summary = "The services of the catalog as they are effective now")
  @ApiResponse(responseCode = "200", description = "Every service effective now, by name")
  List<ServiceSummary> list() {
    return catalog.list();
  }

  @GetMapping("/{code}")
  @Operation(summary = "The version of a service that is effective now, with request types, checklist and SLA")
  @ApiResponse(responseCode = "200", description = "The effective version")
  @ApiResponse(responseCode = "404", description = "No version of the service is effective now")
  ServiceDefinition get(@PathVariable String code) {
    return catalog.get(code);
  }

  @GetMapping("/{code}/versions")
  @Operation(
      summary = "Every version of a service, the newest first",
      description = "Also versions that take effect in the future. Version 1 of the initial catalog has no change "
          + "request, proposer or approver.")
  @ApiResponse(responseCode = "200", description = "The versions, the highest version number first")
  @ApiResponse(responseCode = "404", description = "The catalog never had the service")
  List<CatalogVersion> versions(@PathVariable String code) {
    List<CatalogVersion> versions = catalog.versions(code);
    if (versions.isEmpty()) {
      throw new UnknownServiceException(code);
    }
    return versions;
  }
}
