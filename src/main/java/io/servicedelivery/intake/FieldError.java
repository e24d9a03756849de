package io.servicedelivery.intake;

/** What is wrong with one field of a request, for the problem body's {@code errors}. */
public record FieldError(String field, String message) {}
