package io.servicedelivery.engine;

import io.servicedelivery.engine.InvalidTaskInputException.InvalidInput;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 400 problem body (RFC 9457) of a submission that a task refused, found anywhere in an exception's causes. */
final class InvalidTaskInputs {

  static final String TITLE = "Invalid input";

  private InvalidTaskInputs() {}

  /** @return the refusal among {@code exception} and its causes, or null */
  static InvalidTaskInputException in(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidTaskInputException refused) {
        return refused;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  static Optional<Response> problem(Throwable exception, String instance) {
    return Optional.ofNullable(in(exception)).map(refused -> badRequest(refused.invalid(), instance));
  }

  /**
   * The problem lists every field in {@code errors} as the application's own API does; {@code message} repeats the
   * detail for clients of Camunda's error format ({@code type} and {@code message}), Tasklist among them.
   */
  static Response badRequest(List<InvalidInput> invalid, String instance) {
    String detail = String.join("; ", invalid.stream().map(InvalidInput::toString).toList());
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", TITLE);
    problem.put("status", Response.Status.BAD_REQUEST.getStatusCode());
    problem.put("detail", detail);
    problem.put("instance", instance);
    problem.put("message", detail);
    problem.put(
        "errors",
        invalid.stream()
            .map(input -> Map.of("field", input.field(), "message", input.reason()))
            .toList());
    return Response.status(Response.Status.BAD_REQUEST).type(ConflictProblems.PROBLEM_JSON).entity(problem).build();
  }

  static Response forbidden(String detail, String instance) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Not allowed");
    problem.put("status", Response.Status.FORBIDDEN.getStatusCode());
    problem.put("detail", detail);
    problem.put("instance", instance);
    problem.put("message", detail);
    return Response.status(Response.Status.FORBIDDEN).type(ConflictProblems.PROBLEM_JSON).entity(problem).build();
  }
}
