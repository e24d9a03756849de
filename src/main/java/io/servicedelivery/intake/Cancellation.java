package io.servicedelivery.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The customer's cancellation of a request, with why. */
public record Cancellation(@NotBlank @Size(max = 1000) String reason) {}
