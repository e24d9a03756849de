package io.servicedelivery.records;

import java.time.Instant;

/** A request as it arrived, before validation: what the record keeps from the start. */
public record ReceivedRequest(
    String requestId,
    String processInstanceId,
    String channel,
    Instant receivedAt,
    String serviceCode,
    String requestType,
    String priority,
    String title,
    /** what the requester wrote about it; kept for the search */
    String description,
    String requesterName,
    String requesterEmail,
    String customerId,
    /** the requester's IANA time zone, or null */
    String requesterTimeZone,
    /** the version of the process service-delivery the request runs on */
    int processVersion) {}
