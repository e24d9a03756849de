package io.servicedelivery.intake;

/** A service request as the requester submitted it, before validation. */
public record ServiceRequest(
    String serviceCode,
    String requestType,
    String title,
    String description,
    String priority,
    String requesterName,
    String requesterEmail,
    String customerId,
    String channel,
    /** the requester's IANA time zone, or null */
    String requesterTimeZone) {}
