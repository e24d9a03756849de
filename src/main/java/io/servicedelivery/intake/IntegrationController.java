package io.servicedelivery.intake;

import io.servicedelivery.web.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The system channels: tickets from the service desk tool and orders from the sales-order system. */
@RestController
@RequestMapping("/api/integrations")
@Tag(name = "System channels")
@ApiResponse(responseCode = "401", description = "not authenticated")
@ApiResponse(responseCode = "403", description = "only API clients")
class IntegrationController {

  private final SystemChannelIntake intake;

  IntegrationController(SystemChannelIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/service-desk/tickets")
  @Operation(
      summary = "Hand over a service-desk ticket",
      description = "The category decides the catalog service. Sending the same ticket number again returns the "
          + "first request with 200.")
  @ApiResponse(responseCode = "201", description = "a request was created; Location names it")
  @ApiResponse(responseCode = "200", description = "the ticket was handed over before; this is its request")
  @ApiResponse(responseCode = "400", description = "malformed or invalid fields, listed in errors")
  @ApiResponse(responseCode = "422", description = "no catalog service for the category, or the ticket number "
      + "was used for a different ticket")
  ResponseEntity<ServiceRequestView> ticket(@Valid @RequestBody ServiceDeskTicket ticket, Authentication caller) {
    return intake.submit(ticket, caller.getName()).toResponse();
  }

  @PostMapping("/sales-orders")
  @Operation(
      summary = "Hand over a sales order",
      description = "Each line whose SKU is mapped to a catalog service becomes one request (priority MEDIUM); "
          + "the other lines are reported. Sending the order again creates nothing twice.")
  @ApiResponse(responseCode = "201", description = "at least one request was created")
  @ApiResponse(responseCode = "200", description = "every mapped line had its request already")
  @ApiResponse(responseCode = "400", description = "malformed or invalid fields, listed in errors")
  @ApiResponse(responseCode = "422", description = "no line maps to a catalog service")
  ResponseEntity<SalesOrderResult> salesOrder(@Valid @RequestBody SalesOrder order, Authentication caller) {
    SalesOrderResult result = intake.submit(order, caller.getName());
    if (result.requests().isEmpty()) {
      throw new CatalogViolationException(
          result.unmappedLines().stream()
              .map(line -> new InvalidField("lines[lineNumber=" + line.lineNumber() + "].sku", line.reason()))
              .toList());
    }
    boolean created = result.requests().stream().anyMatch(SalesOrderResult.LineRequest::created);
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(result);
  }
}
