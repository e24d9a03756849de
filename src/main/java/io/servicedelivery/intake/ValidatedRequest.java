package io.servicedelivery.intake;

import io.servicedelivery.catalog.Priority;
import io.servicedelivery.catalog.RequestType;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.sla.SlaDueDates;

/** A request that the catalog accepts, bound to the SLA of its service and priority. */
public record ValidatedRequest(
    ServiceDefinition service, RequestType requestType, Priority priority, SlaDueDates sla) {}
