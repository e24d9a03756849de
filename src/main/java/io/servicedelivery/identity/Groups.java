package io.servicedelivery.identity;

import java.util.List;

/** The Camunda groups of the service organisation; BPMN candidate groups use the same ids. */
public final class Groups {

  public static final String OPERATIONS_MANAGERS = "operations-managers";
  public static final String SERVICE_COORDINATORS = "service-coordinators";
  public static final String OPERATIONAL_STAFF = "operational-staff";
  public static final String QUALITY_ASSURANCE = "quality-assurance";
  public static final String RESOURCE_ANALYSTS = "resource-analysts";
  /** systems and portals that submit and follow requests through {@code /api}; they do no work in Tasklist */
  public static final String API_CLIENTS = "api-clients";
  /** systems that scrape the application's metrics ({@code /actuator/prometheus}), such as Prometheus */
  public static final String MONITORING = "monitoring";

  /** the groups of people who work in Tasklist */
  public static final List<String> ALL =
      List.of(OPERATIONS_MANAGERS, SERVICE_COORDINATORS, OPERATIONAL_STAFF, QUALITY_ASSURANCE, RESOURCE_ANALYSTS);

  private Groups() {}
}
