package io.servicedelivery.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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

  private boolean mayUse(String group, String application) {
    return authorizationService.isUserAuthorized(
        null, List.of(group), Permissions.ACCESS, Resources.APPLICATION, application);
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
