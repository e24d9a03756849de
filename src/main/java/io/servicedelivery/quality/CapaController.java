package io.servicedelivery.quality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CAPAs for QA leads and operations managers; they are opened and worked on in Tasklist. */
@RestController
@RequestMapping("/api/capas")
@Tag(name = "CAPAs", description = "Only for members of the groups quality-assurance and operations-managers")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
@ApiResponse(responseCode = "403", description = "Not a member of the groups quality-assurance or operations-managers")
class CapaController {

  private final Capas capas;

  CapaController(Capas capas) {
    this.capas = capas;
  }

  @GetMapping
  @Operation(summary = "The CAPAs, newest first")
  @ApiResponse(responseCode = "200", description = "The CAPAs that match")
  List<CapaSummary> list(
      @Parameter(description = "Only CAPAs not yet closed") @RequestParam(defaultValue = "false") boolean open,
      @Parameter(description = "Only CAPAs linked to this request, e.g. SR-000042") @RequestParam(required = false)
          String requestId) {
    return capas.list(open, requestId);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A CAPA with its linked requests, root cause, action plans and escalations")
  @ApiResponse(responseCode = "200", description = "The CAPA")
  @ApiResponse(responseCode = "404", description = "No CAPA with this id")
  CapaView get(@PathVariable String id) {
    return capas.get(id);
  }
}
