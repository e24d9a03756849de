package io.servicedelivery.intake;

import io.servicedelivery.catalog.RequestType;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaDueDates;
import io.servicedelivery.sla.SlaTarget;

/**
 * A request that the catalog accepts, bound to the SLA of its service and priority as the catalog version effective
 * at validation defines them: the target (its calendars and warning thresholds) and the due dates computed from it.
 */
public record ValidatedRequest(
    ServiceDefinition service, RequestType requestType, Priority priority, SlaTarget slaTarget, SlaDueDates sla) {

  /** The version of the service's catalog entry the request was validated against. */
  public int catalogVersion() {
    return service.version();
  }
}
