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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.task.Task;

/**
 * People change a request only through the forms of its tasks. For a call of Camunda's REST API (the one under
 * {@code /engine-rest} and the one Tasklist calls, {@code /camunda/api/engine}), this says whether it goes beyond a
 * form:
 *
 * <ul>
 *   <li>{@code POST task/{id}/complete} and {@code task/{id}/submit-form} with a variable the task's form does not
 *       submit ({@link TaskFormFields}: e.g. {@code costRatePerHour}, or {@code requesterEmail}, which a form only
 *       shows) are a 400 problem naming each such variable; nothing is changed and the task stays open;
 *   <li>{@code PUT}, {@code POST} and {@code DELETE} on {@code task/{id}/variables...}, {@code
 *       task/{id}/localVariables...}, {@code process-instance/{id}/variables...} and {@code
 *       execution/{id}/localVariables...} are a 403 problem for everybody outside the group {@code camunda-admin}.
 * </ul>
 *
 * The same paths under {@code engine/{name}/} are treated alike. A task the caller may not see is left to Camunda's
 * own answer (404 or 403). Java code of the application (the engine's services) is not affected.
 */
class FormGuard {

  static final String ONLY_THROUGH_FORMS =
      "Process variables are changed only through the forms of the request's tasks: complete the task with its "
          + "form. Only Camunda administrators write variables directly.";

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/?engine/[^/]+/");
  private static final Pattern COMPLETION = Pattern.compile("^/?task/([^/]+)/(?:complete|submit-form)/?$");
  private static final Pattern VARIABLE_WRITE =
      Pattern.compile(
          "^/?(?:task/[^/]+/(?:variables|localVariables)|process-instance/[^/]+/variables"
              + "|execution/[^/]+/localVariables)(?:/.*)?$");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskFormFields formFields;

  FormGuard(TaskFormFields formFields) {
    this.formFields = formFields;
  }

  /** Whether the call may need its body: read it only then. */
  static boolean completion(String method, String path) {
    return "POST".equals(method) && COMPLETION.matcher(withoutEngine(path)).matches();
  }

  /**
   * @param path the path after the API's root, such as {@code task/42/complete}
   * @param instance the path for the problem's {@code instance}
   * @param body the request's body, read only for a completion
   * @param administrator whether the caller belongs to {@code camunda-admin}
   * @param visibleTask the open task as the caller may see it
   * @return the refusal, or empty when the call may go on
   */
  Optional<Response> refusal(
      String method,
      String path,
      String instance,
      Supplier<byte[]> body,
      boolean administrator,
      java.util.function.Function<String, Optional<Task>> visibleTask) {
    String apiPath = withoutEngine(path);
    if (VARIABLE_WRITE.matcher(apiPath).matches() && !READS.contains(method)) {
      return administrator ? Optional.empty() : Optional.of(InvalidTaskInputs.forbidden(ONLY_THROUGH_FORMS, instance));
    }
    Matcher completion = COMPLETION.matcher(apiPath);
    if (!completion.matches() || !"POST".equals(method)) {
      return Optional.empty();
    }
    List<String> submitted = variableNames(body.get());
    if (submitted.isEmpty()) {
      return Optional.empty();
    }
    return visibleTask
        .apply(completion.group(1))
        .map(task -> notOnTheForm(task, submitted))
        .filter(extra -> !extra.isEmpty())
        .map(extra -> InvalidTaskInputs.badRequest(extra, instance));
  }

  private List<InvalidInput> notOnTheForm(Task task, List<String> submitted) {
    Set<String> fields = formFields.of(task);
    String reason =
        "is not a field of the form of the task \"" + task.getName() + "\" and cannot be set by completing it";
    List<InvalidInput> extra = new ArrayList<>();
    for (String name : submitted) {
      if (!fields.contains(name)) {
        extra.add(new InvalidInput(name, reason));
      }
    }
    return extra;
  }

  private static String withoutEngine(String path) {
    return NAMED_ENGINE.matcher(path).replaceFirst("");
  }

  /** The names of {@code variables} in the body; none when the body is not what Camunda expects (it answers that). */
  private static List<String> variableNames(byte[] body) {
    List<String> names = new ArrayList<>();
    if (body == null || body.length == 0) {
      return names;
    }
    try {
      JsonNode variables = JSON.readTree(body).path("variables");
      if (variables.isObject()) {
        for (Iterator<String> name = variables.fieldNames(); name.hasNext(); ) {
          names.add(name.next());
        }
      }
    } catch (IOException notJson) {
      // Camunda refuses the body itself
    }
    return names;
  }
}
