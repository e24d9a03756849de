package io.servicedelivery.identity;

import static org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the CSRF token of Camunda's webapps across their login, which starts a new session (against session
 * fixation) without one. With the sessions in the database every call works on a copy of its own: the calls Tasklist
 * makes at once after the login would each find no token and make one, each in a cookie of its own, and each insert
 * it into the session's attributes, one of them only with success. The others failed with 500, and the browser's next
 * change with 403, whose answer ends the session. The token carried over is the one the login itself was sent with,
 * which the browser holds in its cookie.
 */
@Configuration
class WebappLoginCsrfToken {

  @Bean
  FilterRegistrationBean<KeepToken> webappLoginCsrfTokenFilter(CamundaBpmProperties camunda) {
    FilterRegistrationBean<KeepToken> registration = new FilterRegistrationBean<>(new KeepToken());
    // POST {application path}/api/admin/auth/user/{engine}/login/{app}
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
    return registration;
  }

  static final class KeepToken extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession before = request.getSession(false);
      Object token = before == null ? null : before.getAttribute(CSRF_TOKEN_SESSION_ATTR_NAME);
      chain.doFilter(request, response);
      HttpSession after = request.getSession(false);
      if (token != null && after != null && after.getAttribute(CSRF_TOKEN_SESSION_ATTR_NAME) == null) {
        after.setAttribute(CSRF_TOKEN_SESSION_ATTR_NAME, token);
      }
    }
  }
}
