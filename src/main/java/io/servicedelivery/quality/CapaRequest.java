package io.servicedelivery.quality;

/** A failed review of a request that calls for a CAPA; the service's name titles the CAPA. */
public record CapaRequest(
    String requestId,
    String serviceCode,
    String serviceName,
    int reviewRound,
    CapaTrigger trigger,
    String findings,
    String requestedBy) {}
