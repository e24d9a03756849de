package io.servicedelivery.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations managers propose catalog changes here; another operations manager reviews them in Tasklist. */
@RestController
@RequestMapping("/api/catalog/change-requests")
@Tag(name = "Catalog changes", description = "Only for members of the group operations-managers")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
@ApiResponse(responseCode = "403", description = "Not a member of the group operations-managers")
class CatalogChangeController {

  private final CatalogChanges changes;

  CatalogChangeController(CatalogChanges changes) {
    this.changes = changes;
  }

  @PostMapping
  @Operation(
      summary = "Propose a change of a service, or a new service",
      description = "The body is the complete new definition of one service, the moment it is to take effect (not "
          + "in the past) and the reason. The change waits for the review of another operations manager in Tasklist "
          + "(task 'Review catalog change'); when approved it becomes a new version of the service, effective at "
          + "effectiveFrom, or when approved only after that moment, at the approval. Requests already running keep "
          + "the version they were validated against.")
  @ApiResponse(responseCode = "201", description = "Change request recorded and its review started; Location names it")
  @ApiResponse(responseCode = "400", description = "Invalid proposal: every invalid value is listed in errors")
  ResponseEntity<CatalogChangeRequest> propose(@Valid @RequestBody CatalogChangeProposal proposal, Principal user) {
    CatalogChangeRequest change = changes.propose(proposal, user.getName());
    return ResponseEntity.created(URI.create("/api/catalog/change-requests/" + change.id())).body(change);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A change request: its status, the difference it makes, and the review decision")
  @ApiResponse(responseCode = "200", description = "The change request")
  @ApiResponse(responseCode = "400", description = "The id is not a number")
  @ApiResponse(responseCode = "404", description = "No change request with this id")
  CatalogChangeRequest get(@PathVariable long id) {
    return changes.get(id);
  }
}
