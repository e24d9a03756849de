package io.servicedelivery.quality;

import java.time.Instant;

/** A CAPA just opened: its id such as CAPA-000042, when it must be closed, the requests linked (one a line). */
public record OpenedCapa(String id, Instant dueAt, String linkedRequests) {}
