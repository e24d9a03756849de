package io.servicedelivery.identity;

import java.util.List;
import java.util.Optional;

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

  /** the prefix of the Spring Security authority each Camunda group becomes for the application's own security */
  private static final String AUTHORITY_PREFIX = "GROUP_";

  private Groups() {}

  /** @return the authority a member of the group has */
  public static String authorityOf(String groupId) {
    return AUTHORITY_PREFIX + groupId;
  }

  /** @return the group whose members have the authority, or empty when it is no group's */
  public static Optional<String> groupOf(String authority) {
    return authority != null && authority.startsWith(AUTHORITY_PREFIX)
        ? Optional.of(authority.substring(AUTHORITY_PREFIX.length()))
        : Optional.empty();
  }
}
