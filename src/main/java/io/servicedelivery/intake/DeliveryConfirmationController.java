package io.servicedelivery.intake;

import io.servicedelivery.records.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's answer to a completed delivery: confirm it (the request closes) or object to it (the request is
 * reopened as rework with the customer's words). Limited to the requests the caller may see ({@link Viewer}).
 */
@RestController
@Tag(name = "Service requests")
@RequestMapping("/api/service-requests")
class DeliveryConfirmationController {

  private final RequestIntake intake;

  DeliveryConfirmationController(RequestIntake intake) {
    this.intake = intake;
  }

  @PostMapping("/{requestId}/confirmation")
  @Operation(
      summary = "Confirm a completed delivery",
      description = "The request is closed as confirmed by the customer. Without a confirmation or an objection "
          + "the request closes by itself when the confirmation period ends.")
  @ApiResponse(responseCode = "200", description = "confirmed; the request is closed")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  @ApiResponse(responseCode = "409", description = "the request is not completed and waiting for a confirmation")
  ServiceRequestView confirm(@PathVariable String requestId, Authentication caller) {
    return intake.confirm(Viewer.of(caller), requestId);
  }

  @PostMapping("/{requestId}/objection")
  @Operation(
      summary = "Object to a completed delivery",
      description = "The request is reopened: the assignee works on it again, with the reason given, and its "
          + "resolution clock runs again from where it stood at the completion.")
  @ApiResponse(responseCode = "200", description = "reopened; the request is in progress again")
  @ApiResponse(responseCode = "400", description = "no reason given")
  @ApiResponse(responseCode = "404", description = "no such request, or not one of the caller's")
  @ApiResponse(responseCode = "409", description = "the request is not completed and waiting for a confirmation")
  ServiceRequestView object(
      @PathVariable String requestId, @Valid @RequestBody DeliveryObjection objection, Authentication caller) {
    return intake.object(Viewer.of(caller), requestId, objection.reason());
  }
}
