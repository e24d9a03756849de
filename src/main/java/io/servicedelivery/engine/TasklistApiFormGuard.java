package io.servicedelivery.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link FormGuard} in front of the REST API that Tasklist and Cockpit call ({@code <webapp path>/api/engine}),
 * which Camunda builds without a way to add JAX-RS providers: the same 400 and 403 problems as {@code /engine-rest}.
 * The caller is the one signed in to the webapps for the named engine; a call without one is left to Camunda (401).
 */
class TasklistApiFormGuard extends OncePerRequestFilter {

  private static final Pattern ENGINE = Pattern.compile("^engine/([^/]+)/");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(TasklistApiFormGuard.class);

  private final ObjectProvider<ProcessEngine> processEngine;
  private final TaskFormFields formFields;
  private final FormGuard guard;
  private final String apiRoot;

  /** @param apiRoot where the API starts, such as {@code /camunda/api/engine/} */
  TasklistApiFormGuard(ObjectProvider<ProcessEngine> processEngine, TaskFormFields formFields, String apiRoot) {
    this.processEngine = processEngine;
    this.formFields = formFields;
    this.guard = new FormGuard(formFields);
    this.apiRoot = apiRoot;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    if (!uri.startsWith(apiRoot)) {
      chain.doFilter(request, response);
      return;
    }
    String path = uri.substring(apiRoot.length());
    Matcher engine = ENGINE.matcher(path);
    Optional<UserAuthentication> caller = engine.find() ? signedIn(request, engine.group(1)) : Optional.empty();
    if (caller.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest call =
        FormGuard.readsBody(request.getMethod(), path) ? new ReadAgain(request) : request;
    Optional<Response> refusal;
    try {
      refusal = guard.refusal(
            request.getMethod(),
            path,
            uri,
            () -> call instanceof ReadAgain again ? again.body : new byte[0],
            caller.get().getGroupIds() != null && caller.get().getGroupIds().contains(Groups.CAMUNDA_ADMIN),
            new FormGuard.Visible(
                taskId -> as(caller.get(), () -> formFields.visibleTask(taskId)),
                definition -> as(caller.get(), () -> formFields.visibleDefinition(definition))));
    } catch (RuntimeException failed) {
      log.error("Could not check {} {} against the task's form", request.getMethod(), uri, failed);
      throw failed;
    }
    if (refusal.isPresent()) {
      Response problem = refusal.get();
      response.setStatus(problem.getStatus());
      response.setContentType(problem.getMediaType().toString());
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      JSON.writeValue(response.getOutputStream(), problem.getEntity());
      return;
    }
    chain.doFilter(call, response);
  }

  private static Optional<UserAuthentication> signedIn(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
    return authentication instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
  }

  /** Runs a query as the signed-in person: with their authorizations. */
  private <T> T as(UserAuthentication caller, Supplier<T> query) {
    IdentityService identity = processEngine.getObject().getIdentityService();
    org.camunda.bpm.engine.impl.identity.Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.getIdentityId(), caller.getGroupIds(), caller.getTenantIds());
    try {
      return query.get();
    } finally {
      if (before != null) {
        identity.setAuthentication(before);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  /** The request with its body read once, here, and again by Camunda's resource. */
  private static final class ReadAgain extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadAgain(HttpServletRequest request) {
      super(request);
      try {
        this.body = request.getInputStream().readAllBytes();
      } catch (IOException unreadable) {
        throw new UncheckedIOException(unreadable);
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
