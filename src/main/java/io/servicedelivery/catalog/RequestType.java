package io.servicedelivery.catalog;

/** A kind of request a catalog service accepts, e.g. "Replacement of an old or broken laptop". */
public record RequestType(String code, String name) {}
