package io.servicedelivery.identity;

import static io.servicedelivery.identity.Groups.API_CLIENTS;
import static io.servicedelivery.identity.Groups.MONITORING;
import static io.servicedelivery.identity.Groups.OPERATIONAL_STAFF;
import static io.servicedelivery.identity.Groups.OPERATIONS_MANAGERS;
import static io.servicedelivery.identity.Groups.QUALITY_ASSURANCE;
import static io.servicedelivery.identity.Groups.RESOURCE_ANALYSTS;
import static io.servicedelivery.identity.Groups.SERVICE_COORDINATORS;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import io.servicedelivery.cluster.SetupStep;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the service organisation and what each may do, in the style of Camunda's invoice example
 * ({@code DemoDataGenerator}). Runs at every start of every node, one node after the other, and changes only what is
 * missing. Tasks need no grant to be worked: the engine authorizes a task's candidate groups and assignee on the task
 * itself, so each group works only the tasks of its groups or assigned to its users. Operations managers read every
 * task besides (Cockpit counts them), and change none.
 */
@Component
@Order(IdentitySetup.ORDER)
class IdentitySetup implements SetupStep {

  static final int ORDER = 0;

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private static final Map<String, String> GROUP_NAMES =
      Map.of(
          OPERATIONS_MANAGERS, "Operations Managers",
          SERVICE_COORDINATORS, "Service Coordinators",
          OPERATIONAL_STAFF, "Operational Staff",
          QUALITY_ASSURANCE, "Quality Assurance",
          RESOURCE_ANALYSTS, "Resource Analysts",
          API_CLIENTS, "API Clients",
          MONITORING, "Monitoring");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TasklistFilters tasklistFilters;
  private final List<ProcessAccess> processAccess;

  IdentitySetup(
      IdentityService identityService,
      AuthorizationService authorizationService,
      TasklistFilters tasklistFilters,
      List<ProcessAccess> processAccess) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.tasklistFilters = tasklistFilters;
    this.processAccess = processAccess;
  }

  @Override
  public void setUp() {
    Groups.ALL.forEach(this::createGroup);
    createGroup(API_CLIENTS);
    createGroup(MONITORING);
    Groups.ALL.forEach(group -> grant(group, APPLICATION, "tasklist", ACCESS));
    grant(OPERATIONS_MANAGERS, APPLICATION, "cockpit", ACCESS);

    // each capability names the groups that see (and start) its processes
    for (ProcessAccess access : processAccess) {
      for (ProcessAccess.Grant grant : access.grants()) {
        grant(grant.groupId(), PROCESS_DEFINITION, grant.processKey(), grant.permissions());
      }
    }
    // coordinators start deliveries, QA leads CAPAs, in Tasklist
    grant(SERVICE_COORDINATORS, PROCESS_INSTANCE, Authorization.ANY, CREATE);
    grant(QUALITY_ASSURANCE, PROCESS_INSTANCE, Authorization.ANY, CREATE);
    // managers watch every instance in Cockpit
    grant(OPERATIONS_MANAGERS, PROCESS_DEFINITION, Authorization.ANY, READ, READ_INSTANCE, READ_HISTORY);
    grant(OPERATIONS_MANAGERS, PROCESS_INSTANCE, Authorization.ANY, READ);
    grantCockpitReading(OPERATIONS_MANAGERS);

    tasklistFilters.createFor(Groups.ALL);
  }

  /**
   * What Cockpit reads beyond the processes and their instances, read-only: the deployments (its home page counts
   * them), every task (the Human Tasks dashboard counts the open tasks by group and fails without READ on any task),
   * the group names it shows there, the decisions the processes evaluate, and the historic tasks and instances,
   * which the engine checks only once historic instance permissions are switched on.
   */
  private void grantCockpitReading(String groupId) {
    grant(groupId, DEPLOYMENT, Authorization.ANY, READ);
    grant(groupId, TASK, Authorization.ANY, READ);
    grant(groupId, GROUP, Authorization.ANY, READ);
    grant(groupId, DECISION_DEFINITION, Authorization.ANY, READ, READ_HISTORY);
    grant(groupId, DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ);
    grant(groupId, HISTORIC_TASK, Authorization.ANY, HistoricTaskPermissions.READ);
    grant(groupId, HISTORIC_PROCESS_INSTANCE, Authorization.ANY, HistoricProcessInstancePermissions.READ);
  }

  private void createGroup(String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(groupId);
    group.setName(GROUP_NAMES.get(groupId));
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    log.info("Created group {}", groupId);
  }

  /** Grants the permissions on the resource to the group, adding to an existing grant rather than duplicating it. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
