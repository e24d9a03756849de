package io.servicedelivery.identity;

import static io.servicedelivery.identity.Groups.authorityOf;
import static io.servicedelivery.identity.Groups.OPERATIONS_MANAGERS;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in for people: the operations managers' dashboard at {@code /dashboard} with a login page at {@code /login},
 * against the same Camunda users as everything else ({@link CamundaIdentityAuthenticationProvider}), kept in the HTTP
 * session and protected against CSRF. Only operations managers may open the dashboard and its data ({@code
 * /dashboard/api/**}); somebody else who signs in gets 403. The dashboard's KPI tiles read {@code /api/kpis} with
 * this session: {@link ApiSecurity} accepts a signed-in session for reading only.
 *
 * <p>The stateless {@code /api} chain, {@code /engine-rest} and the Camunda webapps are not affected.
 */
@Configuration
class DashboardSecurity {

  static final String LOGIN_PAGE = "/login";

  @Bean
  @Order(1)
  SecurityFilterChain dashboardSecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    RequestMatcher data = PathPatternRequestMatcher.withDefaults().matcher("/dashboard/api/**");
    HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
    pagesOnly.setRequestMatcher(new NegatedRequestMatcher(data));
    AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
    AuthenticationEntryPoint toTheLoginPage = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
    return http.securityMatcher("/dashboard", "/dashboard/**", LOGIN_PAGE, "/logout")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(LOGIN_PAGE)
                    .permitAll()
                    .anyRequest()
                    .hasAuthority(authorityOf(OPERATIONS_MANAGERS)))
        .formLogin(login -> login.loginPage(LOGIN_PAGE).defaultSuccessUrl("/dashboard"))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        .requestCache(cache -> cache.requestCache(pagesOnly))
        .headers(SecurityHeaders.standard())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy())))
        // the dashboard's scripts get a status, people the login page or a page that tells them why not
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(
                        (request, response, exception) ->
                            (data.matches(request) ? unauthorized : toTheLoginPage)
                                .commence(request, response, exception))
                    .accessDeniedHandler(
                        (request, response, exception) -> {
                          if (data.matches(request)) {
                            forbiddenData(objectMapper).handle(request, response, exception);
                          } else {
                            writeForbiddenPage(request, response);
                          }
                        }))
        .build();
  }

  /**
   * The dashboard's, the login page's and the refusal page's Content-Security-Policy: scripts, style sheets, images,
   * fonts and data only from this application (Chart.js and bpmn-js are served from it, nothing from a CDN), no inline
   * script at all, the two pages' inline style sheets by their hashes. Style attributes stay allowed ({@code
   * style-src-attr}): bpmn-js and the process map's overlays ({@code dashboard.js}) size elements with them, which
   * runs no code. Images and fonts may be {@code data:} URLs (bpmn-js's style sheet has such icons). No framing, forms
   * only to this application.
   */
  static String contentSecurityPolicy() {
    return "default-src 'self'; script-src 'self'; style-src 'self' "
        + String.join(" ", LoginPage.inlineStyleSources())
        + "; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
        + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }

  private static AccessDeniedHandler forbiddenData(ObjectMapper objectMapper) {
    return (request, response, exception) -> {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The dashboard is for operations managers.");
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.FORBIDDEN.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
    };
  }

  private static void writeForbiddenPage(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding("UTF-8");
    String user = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    response.getWriter().write(LoginPage.forbidden(request, user));
  }
}
