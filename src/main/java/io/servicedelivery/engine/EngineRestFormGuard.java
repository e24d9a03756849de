package io.servicedelivery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.delivery.InvalidTaskInputException.InvalidInput;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;

/**
 * People change a request only through the forms of its tasks, so {@code /engine-rest} lets a task's completion carry
 * only the variables its form submits, and lets nobody but Camunda administrators write process variables directly:
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
 * The same paths under {@code engine/{name}/} are treated alike. Java code of the application (the engine's services)
 * is not affected. A task the caller may not see is left to Camunda's own answer (404 or 403).
 */
@Priority(Priorities.AUTHORIZATION + 100)
class EngineRestFormGuard implements ContainerRequestFilter {

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/?engine/[^/]+/");
  private static final Pattern COMPLETION = Pattern.compile("^/?task/([^/]+)/(?:complete|submit-form)/?$");
  private static final Pattern VARIABLE_WRITE =
      Pattern.compile(
          "^/?(?:task/[^/]+/(?:variables|localVariables)|process-instance/[^/]+/variables"
              + "|execution/[^/]+/localVariables)(?:/.*)?$");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectProvider<ProcessEngine> processEngine;
  private final TaskFormFields formFields;

  EngineRestFormGuard(ObjectProvider<ProcessEngine> processEngine, TaskFormFields formFields) {
    this.processEngine = processEngine;
    this.formFields = formFields;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String fullPath = request.getUriInfo().getPath();
    String path = NAMED_ENGINE.matcher(fullPath).replaceFirst("");
    String method = request.getMethod();
    String instance = "/engine-rest/" + (fullPath.startsWith("/") ? fullPath.substring(1) : fullPath);
    if (VARIABLE_WRITE.matcher(path).matches() && !READS.contains(method)) {
      if (!camundaAdministrator()) {
        request.abortWith(
            InvalidTaskInputs.forbidden(
                "Process variables are changed only through the forms of the request's tasks: complete the task "
                    + "with its form. Only Camunda administrators write variables directly.",
                instance));
      }
      return;
    }
    Matcher completion = COMPLETION.matcher(path);
    if (completion.matches() && "POST".equals(method) && request.hasEntity()) {
      byte[] body = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(body));
      List<String> submitted = variableNames(body);
      if (submitted.isEmpty()) {
        return;
      }
      formFields
          .visibleTask(completion.group(1))
          .map(task -> notOnTheForm(task, submitted))
          .filter(extra -> !extra.isEmpty())
          .ifPresent(extra -> request.abortWith(InvalidTaskInputs.badRequest(extra, instance)));
    }
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

  /** The names of {@code variables} in the body; none when the body is not what Camunda expects (it answers that). */
  private static List<String> variableNames(byte[] body) {
    List<String> names = new ArrayList<>();
    if (body.length == 0) {
      return names;
    }
    try {
      JsonNode variables = JSON.readTree(body).path("variables");
      for (Iterator<String> name = variables.isObject() ? variables.fieldNames() : List.<String>of().iterator();
          name.hasNext(); ) {
        names.add(name.next());
      }
    } catch (IOException notJson) {
      // Camunda refuses the body itself
    }
    return names;
  }

  private boolean camundaAdministrator() {
    Authentication caller = processEngine.getObject().getIdentityService().getCurrentAuthentication();
    return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }
}
