package io.servicedelivery.intake;

import io.servicedelivery.sla.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An operations manager gives a running request another priority, and says why. */
public record PriorityChange(@NotNull Priority priority, @NotBlank @Size(max = 1000) String reason) {}
