package io.servicedelivery.intake;

/** Which catalog service and request type a ticket category or a product SKU stands for. */
record ChannelMapping(String serviceCode, String requestType) {}
