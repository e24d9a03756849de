package io.servicedelivery.intake;

import java.util.List;

/** A page of the request list, newest first. */
public record ServiceRequestPage(
    List<ServiceRequestSummary> items, int page, int size, long totalItems, long totalPages) {}
