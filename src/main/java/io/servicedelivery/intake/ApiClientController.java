package io.servicedelivery.intake;

import io.servicedelivery.identity.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which customers an API client serves, kept by the operations managers: a client lists, reads and acts on the
 * requests of these customers, besides those it submitted itself. Only operations managers reach it: the API's
 * security chain ({@code identity.ApiSecurity}) answers everybody else with 403.
 */
@RestController
@RequestMapping("/api/api-clients/{clientId}/customers")
@Tag(name = "API clients")
@ApiResponse(responseCode = "401", description = "not authenticated")
@ApiResponse(responseCode = "403", description = "only operations managers")
class ApiClientController {

  private static final String ID = "[\\p{Graph}&&[^/]]{1,64}";

  private final ApiClientCustomers customers;
  private final IdentityService identityService;

  ApiClientController(ApiClientCustomers customers, IdentityService identityService) {
    this.customers = customers;
    this.identityService = identityService;
  }

  @GetMapping
  @Operation(summary = "List the customers an API client serves")
  @ApiResponse(responseCode = "200", description = "the customers, by id")
  List<ApiClientCustomer> list(@PathVariable @Size(max = 64) String clientId) {
    return customers.of(clientId);
  }

  @PutMapping("/{customerId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Let an API client serve a customer",
      description = "From now on the client sees and acts on the customer's requests. Binding again changes nothing.")
  @ApiResponse(responseCode = "204", description = "bound")
  @ApiResponse(responseCode = "400", description = "an id that is empty, too long or has spaces")
  @ApiResponse(responseCode = "404", description = "no user of the group api-clients has the client id")
  void bind(
      @PathVariable @Pattern(regexp = ID) String clientId,
      @PathVariable @Pattern(regexp = ID) String customerId,
      Authentication caller) {
    if (identityService.createUserQuery().userId(clientId).memberOfGroup(Groups.API_CLIENTS).count() == 0) {
      throw new UnknownApiClientException(clientId);
    }
    customers.bind(clientId, customerId, caller.getName());
  }

  @DeleteMapping("/{customerId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Stop an API client from serving a customer",
      description = "The client keeps the requests it submitted itself. Unbinding what is not bound changes nothing.")
  @ApiResponse(responseCode = "204", description = "not bound (any more)")
  void unbind(
      @PathVariable @Size(max = 64) String clientId,
      @PathVariable @Size(max = 64) String customerId) {
    customers.unbind(clientId, customerId);
  }
}
