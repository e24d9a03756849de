package io.servicedelivery.records;

import java.util.List;

/** One page of records, newest first, with the number of all records the filter matches. */
public record RecordPage(List<ServiceDeliveryRecord> records, int page, int size, long total) {}
