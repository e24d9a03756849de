package io.servicedelivery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The variables a task's Camunda Form lets a person submit: the keys of its fields ({@code components[].key}, in
 * groups too), except the disabled ones, which show a value and are never submitted (form-js leaves them out of
 * what it submits). A field in a group with a {@code path} submits the path's first name. Read from the form
 * deployed with the task's process ({@code camunda:formRef}), once per process definition and task.
 */
class TaskFormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Taken when a call needs it: the REST API is built with the web server, before the engine and Flyway. */
  private final ObjectProvider<ProcessEngine> processEngine;

  private final Map<String, Set<String>> fieldsByTaskDefinition = new ConcurrentHashMap<>();
  private final Map<String, Optional<Set<String>>> startFieldsByProcessDefinition = new ConcurrentHashMap<>();

  TaskFormFields(ObjectProvider<ProcessEngine> processEngine) {
    this.processEngine = processEngine;
  }

  /** The open task as the caller may see it, or empty when it does not exist or is not theirs to see. */
  Optional<Task> visibleTask(String taskId) {
    return Optional.ofNullable(
        processEngine.getObject().getTaskService().createTaskQuery().taskId(taskId).singleResult());
  }

  /** The process definition as the caller may see it, or empty when it does not exist or is not theirs to see. */
  Optional<ProcessDefinition> visibleDefinition(FormGuard.DefinitionReference reference) {
    ProcessDefinitionQuery query = processEngine.getObject().getRepositoryService().createProcessDefinitionQuery();
    if (reference.id() != null) {
      query.processDefinitionId(reference.id());
    } else {
      query.processDefinitionKey(reference.key()).latestVersion();
      if (reference.tenantId() != null) {
        query.tenantIdIn(reference.tenantId());
      } else {
        query.withoutTenantId();
      }
    }
    return Optional.ofNullable(query.singleResult());
  }

  /** @return the names the process's start form submits; empty when it has no Camunda Form to start with */
  Optional<Set<String>> ofStartForm(ProcessDefinition definition) {
    return startFieldsByProcessDefinition.computeIfAbsent(
        definition.getId(),
        id -> asApplication(() -> processEngine.getObject().getFormService().getDeployedStartForm(id)));
  }

  /** @return the names the task's form submits; none when the task has no Camunda Form */
  Set<String> of(Task task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return read(task.getId());
    }
    return fieldsByTaskDefinition.computeIfAbsent(
        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), definition -> read(task.getId()));
  }

  private Set<String> read(String taskId) {
    return asApplication(() -> processEngine.getObject().getFormService().getDeployedTaskForm(taskId))
        .orElse(Set.of());
  }

  /**
   * Read without the caller's authorizations (the form is part of the deployment, which a person may not read); the
   * caller was shown the task or process before. Outside any command, so that a missing form fails only this read.
   */
  private Optional<Set<String>> asApplication(Supplier<InputStream> deployedForm) {
    IdentityService identity = processEngine.getObject().getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try (InputStream form = deployedForm.get()) {
      Set<String> fields = new LinkedHashSet<>();
      collect(JSON.readTree(form).path("components"), fields);
      return Optional.of(Set.copyOf(fields));
    } catch (ProcessEngineException | IOException noCamundaForm) {
      return Optional.empty();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static void collect(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      if (component.path("disabled").asBoolean(false) || "button".equals(component.path("type").asText())) {
        continue;
      }
      if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
        fields.add(firstName(component.path("path").asText()));
        continue;
      }
      if (component.hasNonNull("key") && !component.path("key").asText().isBlank()) {
        fields.add(firstName(component.path("key").asText()));
      }
      collect(component.path("components"), fields);
    }
  }

  private static String firstName(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}
