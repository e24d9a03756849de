package io.servicedelivery.catalog;

/** One line of the catalog listing. */
public record ServiceSummary(String code, String name, String description, String requiredSkill) {}
