package io.servicedelivery.quality;

/** A failed review of a request that calls for a CAPA. */
public record CapaRequest(
    String requestId, String serviceCode, int reviewRound, CapaTrigger trigger, String findings, String requestedBy) {}
