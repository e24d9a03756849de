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

/** A ticket the service desk tool hands over; its category decides the catalog service. */
public record ServiceDeskTicket(
    @Schema(example = "INC-20417")
        @NotBlank
        @Size(max = 50)
        @Pattern(regexp = "\\p{Graph}+", message = "must be printable characters without spaces")
        String number,
    @NotBlank @Size(max = 200) String summary,
    @NotBlank @Size(max = 4000) String description,
    @NotNull @Valid Requester reporter,
    @Schema(example = "vpn") @NotBlank @Size(max = 100) String category,
    Priority priority,
    Level impact,
    Level urgency) {

  @JsonIgnore
  @AssertTrue(message = PriorityChoice.MESSAGE)
  public boolean isPriorityOrImpactAndUrgency() {
    return PriorityChoice.isValid(priority, impact, urgency);
  }
}
