package io.servicedelivery.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The customer's answer to the question the staff member asked. */
public record CustomerResponse(@NotBlank @Size(max = 4000) String answer) {}
