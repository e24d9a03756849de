package io.servicedelivery.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * The shape of the 400 problem that {@link ApiExceptionHandler} writes, for the OpenAPI description only: an RFC 9457
 * problem with every invalid value listed in {@code errors}.
 */
@Schema(name = "InvalidRequestProblem", description = "RFC 9457 problem listing every invalid value of the request")
public record InvalidRequestProblem(
    @Schema(example = "about:blank") URI type,
    @Schema(example = "Invalid request") String title,
    @Schema(example = "400") int status,
    @Schema(example = "The request has 2 invalid values.") String detail,
    @Schema(example = "/api/catalog/change-requests") URI instance,
    List<InvalidField> errors) {}
