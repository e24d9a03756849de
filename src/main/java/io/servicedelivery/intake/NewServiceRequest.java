package io.servicedelivery.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.servicedelivery.sla.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A service request as a portal or system submits it: either a priority, or an impact and an urgency. */
public record NewServiceRequest(
    @Schema(example = "NETWORK_ACCESS") @NotBlank @Size(max = 40) String serviceCode,
    @Schema(example = "VPN_ACCESS") @NotBlank @Size(max = 40) String requestType,
    @Schema(example = "VPN for a new colleague") @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 4000) String description,
    @NotNull @Valid Requester requester,
    Priority priority,
    Level impact,
    Level urgency,
    @NotNull Channel channel,
    @Schema(description = "the caller's own reference; a second request with the same one from the same channel "
            + "returns the first")
        @Size(max = 100)
        @Pattern(regexp = "[\\p{Graph} ]*", message = "must be printable characters")
        String externalReference) {

  @JsonIgnore
  @AssertTrue(message = PriorityChoice.MESSAGE)
  public boolean isPriorityOrImpactAndUrgency() {
    return PriorityChoice.isValid(priority, impact, urgency);
  }
}
