package io.servicedelivery.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import io.servicedelivery.sla.SlaState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every group sees. They are shared, and each shows only what its viewer may read: the tasks
 * of their groups and the tasks assigned to them. Each task in their lists shows the process variables the
 * capabilities name ({@link TasklistVariables}), those its process has.
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "My tasks";
  public static final String MY_GROUPS_TASKS = "My group's tasks";
  public static final String SLA_AT_RISK = "SLA at risk";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final List<TasklistVariables> tasklistVariables;

  TasklistFilters(
      FilterService filterService,
      TaskService taskService,
      AuthorizationService authorizationService,
      List<TasklistVariables> tasklistVariables) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.tasklistVariables = tasklistVariables;
  }

  void createFor(Collection<String> groups) {
    List<Filter> filters =
        List.of(
            filter(
                MY_TASKS,
                "Tasks assigned to me",
                -10,
                "#1f77b4",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
            filter(
                MY_GROUPS_TASKS,
                "Unclaimed tasks of my groups",
                -5,
                "#2ca02c",
                // the most urgent first; of those due at the same time, the one waiting longest
                taskService
                    .createTaskQuery()
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .taskUnassigned()
                    .orderByDueDate()
                    .asc()
                    .orderByTaskCreateTime()
                    .asc()),
            filter(
                SLA_AT_RISK,
                "Tasks of requests at risk (past the second SLA warning) or breached, and tasks due within 4 hours",
                0,
                "#d62728",
                taskService
                    .createTaskQuery()
                    .or()
                    .processVariableValueEquals(SlaState.VARIABLE, SlaState.AT_RISK.name())
                    .processVariableValueEquals(SlaState.VARIABLE, SlaState.BREACHED.name())
                    .dueBeforeExpression("${dateTime().plusHours(4)}")
                    .endOr()
                    .orderByDueDate()
                    .asc()));
    for (Filter filter : filters) {
      for (String group : groups) {
        grantRead(group, filter.getId());
      }
    }
  }

  private Filter filter(String name, String description, int priority, String color, TaskQuery query) {
    Filter wanted =
        filterService
            .newTaskFilter(name)
            .setProperties(
                Map.of(
                    "description", description,
                    "priority", priority,
                    "color", color,
                    "refresh", true,
                    "variables", shownVariables(),
                    // a task of a process without one of the variables leaves it out instead of showing <Undefined>
                    "showUndefinedVariable", false))
            .setQuery(query);
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing == null) {
      return filterService.saveFilter(wanted);
    }
    if (sameDefinition(existing, wanted)) {
      return existing;
    }
    // an existing filter gets the current definition: what it shows may have changed since it was created
    existing.setProperties(wanted.getProperties()).setQuery(wanted.getQuery());
    return filterService.saveFilter(existing);
  }

  /** Tasklist's filter property {@code variables}: the name and label of each, each name once. */
  private List<Map<String, String>> shownVariables() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (TasklistVariables variables : tasklistVariables) {
      variables.shown().forEach(shown -> labels.putIfAbsent(shown.name(), shown.label()));
    }
    return labels.entrySet().stream()
        .map(shown -> Map.of("name", shown.getKey(), "label", shown.getValue()))
        .toList();
  }

  private static boolean sameDefinition(Filter existing, Filter wanted) {
    return existing.getProperties().equals(wanted.getProperties())
        && ((FilterEntity) existing).getQueryInternal().equals(((FilterEntity) wanted).getQueryInternal());
  }

  private void grantRead(String group, String filterId) {
    long granted =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(FILTER)
            .resourceId(filterId)
            .count();
    if (granted == 0) {
      Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(READ);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
