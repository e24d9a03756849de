package io.servicedelivery.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;

import io.servicedelivery.cluster.SetupStep;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure somebody can administer the application: at the first start the configured administrator is created,
 * in Camunda's administrators' group (every permission on everything, as Camunda's own set-up page would grant) and
 * in every group of the service organisation. Without one configured, a start on a database without any administrator
 * fails: the webapps' open first-run set-up page is never the way in (and {@link SetupPageClosed} keeps it shut).
 */
@Component
@Order(IdentitySetup.ORDER + 1)
@EnableConfigurationProperties(AdministratorProperties.class)
class FirstAdministrator implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final AdministratorProperties administrator;
  private final IdentityService identityService;
  private final IdentitySetup identitySetup;

  FirstAdministrator(
      AdministratorProperties administrator, IdentityService identityService, IdentitySetup identitySetup) {
    this.administrator = administrator;
    this.identityService = identityService;
    this.identitySetup = identitySetup;
  }

  @Override
  public void setUp() {
    createAdministratorsGroup();
    if (!administrator.configured()) {
      if (identityService.createUserQuery().memberOfGroup(CAMUNDA_ADMIN).count() == 0) {
        throw new IllegalStateException(
            "Nobody can administer this application: set SERVICEDELIVERY_ADMIN_ID and SERVICEDELIVERY_ADMIN_PASSWORD"
                + " for the first administrator (created at this start, kept afterwards)");
      }
      return;
    }
    if (identityService.createUserQuery().userId(administrator.id()).count() == 0) {
      if (administrator.password() == null || administrator.password().isBlank()) {
        throw new IllegalStateException(
            "The first administrator " + administrator.id() + " needs a password: set SERVICEDELIVERY_ADMIN_PASSWORD");
      }
      User user = identityService.newUser(administrator.id());
      user.setPassword(administrator.password());
      user.setFirstName(administrator.firstName() != null ? administrator.firstName() : administrator.id());
      user.setLastName(administrator.lastName() != null ? administrator.lastName() : "Administrator");
      user.setEmail(administrator.email());
      identityService.saveUser(user);
      log.info("Created the first administrator {}", administrator.id());
    }
    join(CAMUNDA_ADMIN);
    Groups.ALL.forEach(this::join);
  }

  private void createAdministratorsGroup() {
    if (identityService.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
      Group group = identityService.newGroup(CAMUNDA_ADMIN);
      group.setName("Camunda Administrators");
      group.setType(GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    }
    for (Resources resource : Resources.values()) {
      identitySetup.grant(CAMUNDA_ADMIN, resource, ANY, ALL);
    }
  }

  private void join(String groupId) {
    if (identityService.createUserQuery().userId(administrator.id()).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(administrator.id(), groupId);
    }
  }
}
