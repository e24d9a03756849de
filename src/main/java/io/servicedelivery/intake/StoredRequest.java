package io.servicedelivery.intake;

/** A request that arrived through the API, as far as idempotency needs it. */
record StoredRequest(
    String requestId, String channel, String externalReference, String payloadHash, String submittedBy) {}
