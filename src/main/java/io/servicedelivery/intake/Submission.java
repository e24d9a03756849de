package io.servicedelivery.intake;

/** The outcome of a submission: the request, and whether this call created it or found the first one again. */
public record Submission(ServiceRequestView request, boolean created) {}
