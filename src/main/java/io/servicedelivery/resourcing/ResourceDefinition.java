package io.servicedelivery.resourcing;

import io.servicedelivery.sla.KnownCalendar;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A person of the resource pool as a resource analyst describes them; the user id is the path's. */
@Schema(description = "A person of the resource pool: skills, capacity and working calendar")
public record ResourceDefinition(
    @Schema(example = "Noor Network") @NotBlank @Size(max = 120) String displayName,
    @NotEmpty @DistinctSkills List<@NotNull @Valid Skill> skills,
    @Schema(description = "How many requests the person can hold at once", example = "2") @NotNull @Positive
        Integer capacity,
    @Schema(description = "Code of the business calendar the person works in", example = "OFFICE_BERLIN")
        @NotBlank @KnownCalendar String workingCalendar) {}
