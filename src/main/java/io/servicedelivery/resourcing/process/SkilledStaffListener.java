package io.servicedelivery.resourcing.process;

import static io.servicedelivery.resourcing.ResourceAllocationProcess.Values.REPLAN_ASSIGN;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.PREFERRED_RESOURCE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.REPLAN_DECISION;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.REQUIRED_SKILL;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.REQUIRED_SKILL_LEVEL;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.SKILLED_STAFF;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.engine.TaskInputCheck;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.resourcing.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Re-plan resources" lets the resource analyst choose a person from a list, never type a user id: when the task is
 * created the people of the pool with the required skill are written as the form's options ({@code skilledStaff},
 * by name); when it is completed with "Choose a person", anybody else is refused, whoever completes it. Whether the
 * chosen person is free is decided by "Reserve chosen person", which hands the task back with the reason.
 */
@Component("offerSkilledStaff")
class SkilledStaffListener implements TaskListener {

  private final io.servicedelivery.resourcing.StaffDirectory pool;
  private final StaffDirectory people;

  SkilledStaffListener(io.servicedelivery.resourcing.StaffDirectory pool, StaffDirectory people) {
    this.pool = pool;
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> task.setVariable(SKILLED_STAFF, options(skilled(task)));
      case EVENTNAME_COMPLETE -> refuseAnybodyElse(task);
      default -> throw new IllegalStateException(
          "offerSkilledStaff listens to create and complete, not " + task.getEventName());
    }
  }

  private void refuseAnybodyElse(DelegateTask task) {
    if (TaskInputCheck.completedByAnother(task) || !REPLAN_ASSIGN.equals(task.getVariable(REPLAN_DECISION))) {
      return;
    }
    TaskInputCheck check = TaskInputCheck.of(task);
    String chosen = check.text(PREFERRED_RESOURCE, true, 64);
    if (chosen != null && skilled(task).stream().noneMatch(person -> person.userId().equals(chosen))) {
      check.reject(
          PREFERRED_RESOURCE,
          "must be one of the people of the resource pool with the skill " + task.getVariable(REQUIRED_SKILL)
              + ", not " + chosen);
    }
    check.throwIfInvalid();
  }

  private List<Resource> skilled(DelegateTask task) {
    ProcessData data = ProcessData.of(task);
    return pool.withSkill(data.string(REQUIRED_SKILL), data.integer(REQUIRED_SKILL_LEVEL, 1));
  }

  /** As a form-js select lists them: {@code [{"label": name, "value": user id}]}, by name. */
  private ArrayList<Map<String, String>> options(List<Resource> skilled) {
    ArrayList<Map<String, String>> options = new ArrayList<>();
    skilled.stream()
        .map(person -> Map.entry(person.userId(), people.nameOf(person.userId())))
        .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
        .forEach(person -> {
          Map<String, String> option = new LinkedHashMap<>();
          option.put("label", person.getValue());
          option.put("value", person.getKey());
          options.add(option);
        });
    return options;
  }
}
