package io.servicedelivery.identity;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The people behind user ids, as the engine's identity service knows them: a person is shown by name, never by id,
 * and chosen from the members of a group, never typed.
 */
@Service
public class StaffDirectory {

  /** A person as a picker offers them: the id is the value, the name the label. */
  public record Person(String id, String name) {}

  private final IdentityService identityService;

  StaffDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** @return the person's full name; the id for a user who no longer exists; an empty text for no user */
  public String nameOf(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : nameOf(user);
  }

  /** @return the members of the group, by name */
  public List<Person> membersOf(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(user -> new Person(user.getId(), nameOf(user)))
        .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** @return whether the user exists and belongs to the group */
  public boolean isMember(String userId, String groupId) {
    return userId != null && identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  private static String nameOf(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
            + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
