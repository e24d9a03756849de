package io.servicedelivery.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One reason a request was refused, in the {@code errors} list of a 400 problem. {@code field} is the path of the
 * value in the request (e.g. {@code slaTargets[1].resolutionMinutes}, or a query parameter or header name); it is
 * absent when the reason concerns the request as a whole, such as a body that is not JSON.
 */
@Schema(description = "An invalid value of the request and what is wrong with it")
public record InvalidField(
    @Schema(description = "Path of the value in the request body, or the parameter or header name",
            example = "slaTargets[1].resolutionMinutes")
        String field,
    @Schema(description = "What is wrong", example = "must be greater than the response time of 60 minutes")
        String message) {}
