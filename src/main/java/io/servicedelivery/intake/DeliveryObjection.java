package io.servicedelivery.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the customer says is wrong with the completed delivery: the request is reopened with these words. */
public record DeliveryObjection(@NotBlank @Size(max = 4000) String reason) {}
