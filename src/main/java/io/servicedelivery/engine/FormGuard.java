package io.servicedelivery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.engine.InvalidTaskInputException.InvalidInput;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

/**
 * People change a request only through the forms of its tasks and start it only through its start form. For a call
 * of Camunda's REST API (the one under {@code /engine-rest} and the one Tasklist calls, {@code /camunda/api/engine}),
 * this says whether it goes beyond a form:
 *
 * <ul>
 *   <li>{@code POST task/{id}/complete}, {@code task/{id}/submit-form} and {@code task/{id}/resolve} with a variable
 *       the task's form does not submit ({@link TaskFormFields}: e.g. {@code costRatePerHour}, or {@code
 *       requesterEmail}, which a form only shows) are a 400 problem naming each such variable; nothing is changed and
 *       the task stays open;
 *   <li>{@code POST process-definition/.../start} and {@code .../submit-form} of a process with a start form are a 400
 *       problem for a variable the start form does not submit and for a business key (the application numbers its
 *       requests and CAPAs);
 *   <li>for everybody outside the group {@code camunda-admin}, a 403 problem: {@code PUT}, {@code POST} and {@code
 *       DELETE} on {@code task/{id}/variables...}, {@code task/{id}/localVariables...}, {@code
 *       process-instance/{id}/variables...} and {@code execution/{id}/localVariables...}; ending a task with {@code
 *       task/{id}/bpmnError} or {@code bpmnEscalation} (it would leave the diagram's path without its form); {@code
 *       message}, {@code signal} and {@code condition} (they carry variables and are the application's own
 *       systems' to send); a start with {@code startInstructions}, {@code skipCustomListeners} or {@code
 *       skipIoMappings} (anywhere but the start event, or without the listeners that record the request).
 * </ul>
 *
 * The same paths under {@code engine/{name}/} are treated alike. A task or process the caller may not see is left to
 * Camunda's own answer (404 or 403); so is a process without a Camunda start form, which no person starts through a
 * form and whose starts Camunda's {@code CREATE_INSTANCE} grants alone govern. Java code of the application (the
 * engine's services) is not affected.
 */
class FormGuard {

  static final String ONLY_THROUGH_FORMS =
      "Process variables are changed only through the forms of the request's tasks: complete the task with its "
          + "form. Only Camunda administrators write variables directly.";
  static final String TASKS_END_THROUGH_FORMS =
      "A task ends only through its form: complete it. Only Camunda administrators throw BPMN errors or escalations "
          + "from a task.";
  static final String EVENTS_FROM_THE_APPLICATION =
      "Messages, signals and conditions are sent by the application's own systems: submit a request through /api or "
          + "a start form, and act on it through the forms of its tasks. Only Camunda administrators send them here.";
  static final String STARTS_AT_THE_START_EVENT =
      "A process starts at its start event with its listeners: only Camunda administrators start it elsewhere.";
  static final String NUMBERED_BY_THE_APPLICATION =
      "is given by the application (the request's or CAPA's number): leave it empty";

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/?engine/[^/]+/");
  private static final Pattern COMPLETION = Pattern.compile("^/?task/([^/]+)/(?:complete|submit-form|resolve)/?$");
  private static final Pattern THROW_FROM_TASK = Pattern.compile("^/?task/[^/]+/(?:bpmnError|bpmnEscalation)/?$");
  private static final Pattern START =
      Pattern.compile(
          "^/?process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(?:start|submit-form)/?$");
  private static final Pattern EVENT = Pattern.compile("^/?(?:message|signal|condition)/?$");
  private static final Pattern VARIABLE_WRITE =
      Pattern.compile(
          "^/?(?:task/[^/]+/(?:variables|localVariables)|process-instance/[^/]+/variables"
              + "|execution/[^/]+/localVariables)(?:/.*)?$");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the caller may see, asked with the caller's authorizations. */
  record Visible(
      Function<String, Optional<Task>> task, Function<DefinitionReference, Optional<ProcessDefinition>> definition) {}

  /** A process definition as a path names it: by id, or by key (and tenant) for its latest version. */
  record DefinitionReference(String id, String key, String tenantId) {}

  private final TaskFormFields formFields;

  FormGuard(TaskFormFields formFields) {
    this.formFields = formFields;
  }

  /** Whether the call may need its body: read it only then. */
  static boolean readsBody(String method, String path) {
    String apiPath = withoutEngine(path);
    return "POST".equals(method)
        && (COMPLETION.matcher(apiPath).matches() || START.matcher(apiPath).matches());
  }

  /**
   * @param path the path after the API's root, such as {@code task/42/complete}
   * @param instance the path for the problem's {@code instance}
   * @param body the request's body, read only when {@link #readsBody} says so
   * @param administrator whether the caller belongs to {@code camunda-admin}
   * @param visible the open task and the process definition as the caller may see them
   * @return the refusal, or empty when the call may go on
   */
  Optional<Response> refusal(
      String method, String path, String instance, Supplier<byte[]> body, boolean administrator, Visible visible) {
    if (READS.contains(method)) {
      return Optional.empty();
    }
    String apiPath = withoutEngine(path);
    Optional<String> forbidden = administrator ? Optional.empty() : forbidden(method, apiPath);
    if (forbidden.isPresent()) {
      return forbidden.map(detail -> InvalidTaskInputs.forbidden(detail, instance));
    }
    if (!"POST".equals(method)) {
      return Optional.empty();
    }
    Matcher completion = COMPLETION.matcher(apiPath);
    if (completion.matches()) {
      return refusedCompletion(completion.group(1), read(body.get()), instance, visible);
    }
    Matcher start = START.matcher(apiPath);
    if (start.matches()) {
      DefinitionReference definition = new DefinitionReference(start.group(3), start.group(1), start.group(2));
      return refusedStart(definition, read(body.get()), instance, administrator, visible);
    }
    return Optional.empty();
  }

  private static Optional<String> forbidden(String method, String apiPath) {
    if (VARIABLE_WRITE.matcher(apiPath).matches()) {
      return Optional.of(ONLY_THROUGH_FORMS);
    }
    if (!"POST".equals(method)) {
      return Optional.empty();
    }
    if (THROW_FROM_TASK.matcher(apiPath).matches()) {
      return Optional.of(TASKS_END_THROUGH_FORMS);
    }
    if (EVENT.matcher(apiPath).matches()) {
      return Optional.of(EVENTS_FROM_THE_APPLICATION);
    }
    return Optional.empty();
  }

  private Optional<Response> refusedCompletion(String taskId, JsonNode body, String instance, Visible visible) {
    List<String> submitted = variableNames(body);
    if (submitted.isEmpty()) {
      return Optional.empty();
    }
    return visible
        .task()
        .apply(taskId)
        .map(task -> notOnTheForm(formFields.of(task), submitted, "the form of the task \"" + task.getName() + "\"",
            "completing it"))
        .filter(extra -> !extra.isEmpty())
        .map(extra -> InvalidTaskInputs.badRequest(extra, instance));
  }

  private Optional<Response> refusedStart(
      DefinitionReference reference, JsonNode body, String instance, boolean administrator, Visible visible) {
    if (!administrator && startsElsewhere(body)) {
      return Optional.of(InvalidTaskInputs.forbidden(STARTS_AT_THE_START_EVENT, instance));
    }
    Optional<ProcessDefinition> definition = visible.definition().apply(reference);
    Optional<Set<String>> startForm = definition.flatMap(formFields::ofStartForm);
    if (startForm.isEmpty()) {
      return Optional.empty();
    }
    String process = "the start form of the process \"" + nameOf(definition.get()) + "\"";
    List<InvalidInput> refused = notOnTheForm(startForm.get(), variableNames(body), process, "starting it");
    if (body.path("businessKey").isTextual() && !body.path("businessKey").asText().isBlank()) {
      refused.add(new InvalidInput("businessKey", NUMBERED_BY_THE_APPLICATION));
    }
    return refused.isEmpty() ? Optional.empty() : Optional.of(InvalidTaskInputs.badRequest(refused, instance));
  }

  private static boolean startsElsewhere(JsonNode body) {
    return (body.path("startInstructions").isArray() && !body.path("startInstructions").isEmpty())
        || body.path("skipCustomListeners").asBoolean(false)
        || body.path("skipIoMappings").asBoolean(false);
  }

  private static List<InvalidInput> notOnTheForm(
      Set<String> fields, List<String> submitted, String form, String action) {
    String reason = "is not a field of " + form + " and cannot be set by " + action;
    List<InvalidInput> extra = new ArrayList<>();
    for (String name : submitted) {
      if (!fields.contains(name)) {
        extra.add(new InvalidInput(name, reason));
      }
    }
    return extra;
  }

  private static String nameOf(ProcessDefinition definition) {
    return definition.getName() == null ? definition.getKey() : definition.getName();
  }

  private static String withoutEngine(String path) {
    return NAMED_ENGINE.matcher(path).replaceFirst("");
  }

  /** The body as JSON; a missing node when it is not JSON (Camunda refuses the body itself). */
  private static JsonNode read(byte[] body) {
    if (body == null || body.length == 0) {
      return JSON.missingNode();
    }
    try {
      JsonNode json = JSON.readTree(body);
      return json == null ? JSON.missingNode() : json;
    } catch (IOException notJson) {
      return JSON.missingNode();
    }
  }

  /** The names of {@code variables} in the body. */
  private static List<String> variableNames(JsonNode body) {
    List<String> names = new ArrayList<>();
    JsonNode variables = body.path("variables");
    if (variables.isObject()) {
      for (Iterator<String> name = variables.fieldNames(); name.hasNext(); ) {
        names.add(name.next());
      }
    }
    return names;
  }
}
