package io.servicedelivery.resourcing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A skill of a person and how well they master it. */
@Schema(description = "A skill and its level from 1 (beginner) to 5 (expert)")
public record Skill(
    @Schema(example = "network") @NotBlank @Size(max = 60) String name,
    @Schema(example = "3") @NotNull @Min(1) @Max(5) Integer level) {}
