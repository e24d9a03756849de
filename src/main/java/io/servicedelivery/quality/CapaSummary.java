package io.servicedelivery.quality;

import java.time.Instant;

/** A CAPA in a list: what it is about, how far it got and when it is due. */
public record CapaSummary(
    String id, String title, String serviceCode, CapaTrigger trigger, String status, Instant openedAt, Instant dueAt) {}
