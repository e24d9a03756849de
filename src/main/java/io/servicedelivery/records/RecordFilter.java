package io.servicedelivery.records;

/** Which records a list shows; a null field does not filter. */
public record RecordFilter(CustomerEvent status, String serviceCode, String customerId) {}
