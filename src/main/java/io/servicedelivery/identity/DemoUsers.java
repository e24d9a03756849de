package io.servicedelivery.identity;

import static io.servicedelivery.identity.Groups.API_CLIENTS;
import static io.servicedelivery.identity.Groups.MONITORING;
import static io.servicedelivery.identity.Groups.OPERATIONAL_STAFF;
import static io.servicedelivery.identity.Groups.OPERATIONS_MANAGERS;
import static io.servicedelivery.identity.Groups.QUALITY_ASSURANCE;
import static io.servicedelivery.identity.Groups.RESOURCE_ANALYSTS;
import static io.servicedelivery.identity.Groups.SERVICE_COORDINATORS;

import io.servicedelivery.cluster.SetupStep;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, one per role, each with the password equal to the user id. Only in the {@code demo} profile; the
 * administrator {@code demo} itself is the demo profile's first administrator ({@link FirstAdministrator}).
 */
@Component
@Profile("demo")
@Order(IdentitySetup.ORDER + 2)
class DemoUsers implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser("manager", "Maria", "Lopez", List.of(OPERATIONS_MANAGERS)),
          new DemoUser("coordinator", "Chris", "Novak", List.of(SERVICE_COORDINATORS)),
          new DemoUser("staff1", "Sam", "Field", List.of(OPERATIONAL_STAFF)),
          new DemoUser("staff2", "Noor", "Network", List.of(OPERATIONAL_STAFF)),
          new DemoUser("qa", "Quinn", "Adams", List.of(QUALITY_ASSURANCE)),
          new DemoUser("analyst", "Ana", "Silva", List.of(RESOURCE_ANALYSTS)),
          new DemoUser("portal", "Customer", "Portal", List.of(API_CLIENTS)),
          new DemoUser("prometheus", "Metrics", "Scraper", List.of(MONITORING)));

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void setUp() {
    for (DemoUser demoUser : USERS) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.id() + "@servicedelivery.example");
        user.setPassword(demoUser.id());
        identityService.saveUser(user);
        log.info("Created demo user {}", demoUser.id());
      }
      demoUser.groups().forEach(group -> join(demoUser.id(), group));
    }
  }

  private void join(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
