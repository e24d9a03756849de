package io.servicedelivery.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The groups, users, grants and filters are there after start-up, and setting them up again changes nothing. */
@WebIntegrationTest
class IdentitySetupTest {

  @Autowired IdentitySetup identitySetup;
  @Autowired DemoUsers demoUsers;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  @Test
  void setUpTwiceCreatesNothingTwice() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();
    long memberships = identityService.createUserQuery().memberOfGroup(Groups.OPERATIONS_MANAGERS).count();

    identitySetup.setUp();
    demoUsers.setUp();

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters).isEqualTo(3);
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.OPERATIONS_MANAGERS).count())
        .isEqualTo(memberships);
  }

  @Test
  void everyDemoUserBelongsToTheGroupOfTheirRoleAndTheAdministratorToAll() {
    assertThat(groupsOf("manager")).containsExactly(Groups.OPERATIONS_MANAGERS);
    assertThat(groupsOf("coordinator")).containsExactly(Groups.SERVICE_COORDINATORS);
    assertThat(groupsOf("staff1")).containsExactly(Groups.OPERATIONAL_STAFF);
    assertThat(groupsOf("staff2")).containsExactly(Groups.OPERATIONAL_STAFF);
    assertThat(groupsOf("qa")).containsExactly(Groups.QUALITY_ASSURANCE);
    assertThat(groupsOf("analyst")).containsExactly(Groups.RESOURCE_ANALYSTS);
    assertThat(groupsOf("portal")).containsExactly(Groups.API_CLIENTS);
    assertThat(groupsOf("demo")).containsAll(Groups.ALL).contains("camunda-admin");
    assertThat(identityService.checkPassword("staff1", "staff1")).isTrue();
  }

  @Test
  void everyGroupMayUseTasklistAndOnlyManagersCockpit() {
    for (String group : Groups.ALL) {
      assertThat(mayUse(group, "tasklist")).as(group).isTrue();
      assertThat(mayUse(group, "cockpit")).as(group).isEqualTo(group.equals(Groups.OPERATIONS_MANAGERS));
    }
  }

  @Test
  void managersReadWhatCockpitShowsAndChangeNothingThere() {
    assertThat(managersMay(Permissions.READ, Resources.DEPLOYMENT)).as("read deployments").isTrue();
    assertThat(managersMay(Permissions.READ, Resources.TASK)).as("read any task").isTrue();
    assertThat(managersMay(Permissions.READ, Resources.DECISION_DEFINITION)).as("read decisions").isTrue();
    assertThat(managersMay(Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION)).as("read history").isTrue();

    assertThat(managersMay(Permissions.UPDATE, Resources.TASK)).as("update any task").isFalse();
    assertThat(managersMay(Permissions.TASK_WORK, Resources.TASK)).as("work any task").isFalse();
    assertThat(managersMay(Permissions.UPDATE, Resources.PROCESS_INSTANCE)).as("update instances").isFalse();
    assertThat(managersMay(Permissions.DELETE, Resources.DEPLOYMENT)).as("delete deployments").isFalse();
    assertThat(managersMay(Permissions.CREATE, Resources.DEPLOYMENT)).as("deploy").isFalse();
    for (String group : Groups.ALL) {
      if (!group.equals(Groups.OPERATIONS_MANAGERS)) {
        assertThat(authorizationService.isUserAuthorized(
                null, List.of(group), Permissions.READ, Resources.TASK, Authorization.ANY))
            .as("%s reads any task", group)
            .isFalse();
      }
    }
  }

  @Test
  void theSharedFiltersShowWhichRequestATaskIsFor() {
    List<Map<String, Object>> request =
        List.of(
            Map.of("name", ServiceDeliveryProcess.Variables.REQUEST_ID, "label", "Request"),
            Map.of("name", ServiceDeliveryProcess.Variables.TITLE, "label", "Title"),
            Map.of("name", ServiceDeliveryProcess.Variables.PRIORITY_LABEL, "label", "Priority"),
            Map.of("name", ServiceDeliveryProcess.Variables.RESOLUTION_DUE_TEXT, "label", "SLA due"));
    for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.SLA_AT_RISK)) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      assertThat(filter.getProperties().get("variables")).as(name).isEqualTo(request);
      assertThat(filter.getProperties().get("showUndefinedVariable")).as(name).isEqualTo(false);
    }
  }

  private boolean managersMay(Permission permission, Resource resource) {
    return authorizationService.isUserAuthorized(
        null, List.of(Groups.OPERATIONS_MANAGERS), permission, resource, Authorization.ANY);
  }

  private boolean mayUse(String group, String application) {
    return authorizationService.isUserAuthorized(
        null, List.of(group), Permissions.ACCESS, Resources.APPLICATION, application);
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
