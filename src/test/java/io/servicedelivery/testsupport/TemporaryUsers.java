package io.servicedelivery.testsupport;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Users for tests that fail logins on purpose: Camunda delays a user's next login after a failed attempt (and
 * locks them after ten), so such tests must not use the demo users that other tests log in as.
 */
public final class TemporaryUsers {

  private TemporaryUsers() {}

  /** @return the id of a new user with a random password and no groups */
  public static String create(IdentityService identityService) {
    String id = "temp-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(UUID.randomUUID().toString());
    identityService.saveUser(user);
    return id;
  }
}
