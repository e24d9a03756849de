package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_OWNER;

import io.servicedelivery.engine.TaskInputCheck;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.identity.StaffDirectory.Person;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may own the actions of a CAPA: the people who work in Tasklist, the members of the groups of {@link
 * Groups#ALL}. The owner is assigned "Implement actions" and must find it there; anybody else (a mistyped id, a user
 * who does not exist, a system account) would own a task nobody sees. "Plan corrective action" offers these people
 * by name, and a plan that names anybody else is refused.
 */
@Component
class CapaActionOwners {

  private final StaffDirectory staff;

  CapaActionOwners(StaffDirectory staff) {
    this.staff = staff;
  }

  /** @return the people who may own actions, by name, as the form's select takes them: {label: name, value: id} */
  List<Map<String, String>> options() {
    Map<String, Person> byId = new LinkedHashMap<>();
    for (String group : Groups.ALL) {
      staff.membersOf(group).forEach(person -> byId.putIfAbsent(person.id(), person));
    }
    List<Map<String, String>> options = new ArrayList<>();
    byId.values().stream()
        .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
        .forEach(person -> options.add(option(person)));
    return options;
  }

  /** Refuses an owner who is not one of the people {@link #options()} offers. */
  void check(TaskInputCheck check, String owner) {
    if (owner == null || owner.isBlank()) {
      check.reject(ACTION_OWNER, "is required: choose the action owner from the list");
    } else if (Groups.ALL.stream().noneMatch(group -> staff.isMember(owner, group))) {
      check.reject(
          ACTION_OWNER,
          "\"" + owner + "\" is nobody who works in Tasklist, so nobody would see the actions:"
              + " choose the action owner from the list");
    }
  }

  private static Map<String, String> option(Person person) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", person.name());
    option.put("value", person.id());
    return option;
  }
}
