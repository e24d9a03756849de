package io.servicedelivery.metrics;

import java.time.Instant;

/** A request waiting at an activity of the service-delivery process now, as the process map lists it. */
public record WaitingRequest(
    String requestId,
    String title,
    String serviceCode,
    String serviceName,
    Instant since,
    String assignee,
    String slaState) {}
