package io.servicedelivery.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A comment on a request. The customer's systems always write comments the customer reads; the staff write one
 * ({@code internal} false or absent) or an internal work note ({@code internal} true).
 */
public record NewComment(
    @NotBlank @Size(max = RequestConversations.MAX_TEXT) String text,
    @Schema(description = "staff only: true for an internal work note the customer never sees", defaultValue = "false")
        Boolean internal) {}
