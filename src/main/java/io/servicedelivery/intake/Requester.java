package io.servicedelivery.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The person who asks for the service and is told what happens. */
public record Requester(
    @NotBlank @Size(max = 120) String name,
    @NotBlank @Email @Size(max = 254) String email,
    @Size(max = 64) String customerId,
    @Schema(
            example = "Europe/Berlin",
            description = "the requester's IANA time zone: the mails to the requester give their times there, else in"
                + " the zone of the request's business calendar")
        @KnownTimeZone
        String timeZone) {}
