package io.servicedelivery.records;

import io.servicedelivery.identity.Groups;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who looks at requests and records, and therefore which of them they see (issue 12):
 *
 * <ul>
 *   <li>operations managers and service coordinators see every request and every record, with the customer's e-mail
 *       address and the cost;
 *   <li>an API client sees the requests it submitted itself ({@code service_request.submitted_by}) and those of the
 *       customers it is bound to ({@code api_client_customer}); it never reads records;
 *   <li>operational staff, quality assurance and resource analysts see the requests they work on: reserved for them
 *       ({@code resource_reservation}, also released), assigned to them on the record, reviewed by them
 *       ({@code quality_review}), or with an open task assigned to them or offered to them or one of their groups.
 *       Their records show neither the customer's e-mail address nor the cost;
 *   <li>anybody else (monitoring, users without a group) sees no request.
 * </ul>
 *
 * A request somebody may not see does not exist for them: reading it or acting on it answers 404, and lists leave it
 * out. A user in several groups sees what each of their groups sees.
 */
public record Viewer(String userId, Set<String> groups) {

  /** the application itself (delegates, internal reads): sees everything */
  public static final Viewer SYSTEM = new Viewer("system", Set.of(Groups.OPERATIONS_MANAGERS));

  private static final List<String> STAFF =
      List.of(Groups.OPERATIONAL_STAFF, Groups.QUALITY_ASSURANCE, Groups.RESOURCE_ANALYSTS);

  public Viewer {
    groups = Set.copyOf(groups);
  }

  public static Viewer of(Authentication authentication) {
    return new Viewer(authentication.getName(), groupsOf(authentication.getAuthorities()));
  }

  private static Set<String> groupsOf(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream()
        .map(GrantedAuthority::getAuthority)
        .flatMap(authority -> Groups.groupOf(authority).stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** operations managers and service coordinators */
  public boolean seesAll() {
    return groups.contains(Groups.OPERATIONS_MANAGERS) || groups.contains(Groups.SERVICE_COORDINATORS);
  }

  public boolean isApiClient() {
    return groups.contains(Groups.API_CLIENTS);
  }

  public boolean isStaff() {
    return STAFF.stream().anyMatch(groups::contains);
  }

  /** the customer's e-mail address and the cost of a delivery are for those who see everything */
  public boolean seesContactAndCost() {
    return seesAll();
  }

  public boolean isOperationsManager() {
    return groups.contains(Groups.OPERATIONS_MANAGERS);
  }
}
