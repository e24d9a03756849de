package io.servicedelivery.engine;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 409 problem body (RFC 9457) of a change that met another change of the same thing. */
final class ConflictProblems {

  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
  static final String TITLE = "Changed by someone else";

  private ConflictProblems() {}

  static Response conflict(String detail, String instance) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", TITLE);
    problem.put("status", Response.Status.CONFLICT.getStatusCode());
    problem.put("detail", detail);
    problem.put("instance", instance);
    return Response.status(Response.Status.CONFLICT).type(PROBLEM_JSON).entity(problem).build();
  }

  /** The sentence for a caller whose change met another one at the same moment. */
  static String reloadAndTryAgain(String what) {
    return what + " was changed by someone else at the same moment, so your change was not saved. Reload it and try "
        + "again.";
  }
}
