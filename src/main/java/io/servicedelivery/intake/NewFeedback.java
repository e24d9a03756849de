package io.servicedelivery.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's rating of a delivered request: 1 (very dissatisfied) to 5 (very satisfied), with a comment. */
public record NewFeedback(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {}
