package io.servicedelivery.resourcing;

import io.servicedelivery.sla.KnownCalendar;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A person who joins the resource pool: their Camunda user id and what {@link ResourceDefinition} describes. */
@Schema(description = "A person who joins the resource pool")
public record NewResource(
    @Schema(description = "The person's Camunda user id, the assignee of their tasks", example = "staff3")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user id") String userId,
    @Schema(example = "Noor Network") @NotBlank @Size(max = 120) String displayName,
    @NotEmpty @DistinctSkills List<@NotNull @Valid Skill> skills,
    @Schema(description = "How many requests the person can hold at once", example = "2") @NotNull @Positive
        Integer capacity,
    @Schema(description = "Code of the business calendar the person works in", example = "OFFICE_BERLIN")
        @NotBlank @KnownCalendar String workingCalendar) {

  ResourceDefinition definition() {
    return new ResourceDefinition(displayName, skills, capacity, workingCalendar);
  }
}
