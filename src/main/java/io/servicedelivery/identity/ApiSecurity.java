package io.servicedelivery.identity;

import static io.servicedelivery.identity.Groups.authorityOf;
import static io.servicedelivery.identity.Groups.API_CLIENTS;
import static io.servicedelivery.identity.Groups.MONITORING;
import static io.servicedelivery.identity.Groups.OPERATIONS_MANAGERS;
import static io.servicedelivery.identity.Groups.RESOURCE_ANALYSTS;
import static io.servicedelivery.identity.Groups.QUALITY_ASSURANCE;
import static io.servicedelivery.identity.Groups.SERVICE_COORDINATORS;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Security of the application's own API and of the actuator endpoints: stateless HTTP Basic against the Camunda
 * users. The Camunda webapps and {@code /engine-rest} keep their own authentication and are not touched by these
 * chains. Every path of {@code /api} is for the groups of the service organisation's people and the API clients,
 * most for fewer; users only in the monitoring group, or in no group, get 403. A browser signed in through the dashboard's login page ({@link DashboardSecurity}) may read ({@code GET}) the
 * API with its session too; it never writes with it, and {@code /api} never creates a session.
 */
@Configuration
class ApiSecurity {

  @Bean
  SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    // the API clients' accounts are the operations managers' business
                    .requestMatchers("/api/api-clients", "/api/api-clients/**")
                    .hasAuthority(authorityOf(OPERATIONS_MANAGERS))
                    // catalog changes are the operations managers' business, before anything else is looked at
                    .requestMatchers("/api/catalog/change-requests", "/api/catalog/change-requests/**")
                    .hasAuthority(authorityOf(OPERATIONS_MANAGERS))
                    // so are priority changes and the business calendars' changes; everybody may read calendars
                    .requestMatchers(HttpMethod.PUT, "/api/service-requests/*/priority", "/api/catalog/calendars/**")
                    .hasAuthority(authorityOf(OPERATIONS_MANAGERS))
                    // so is the billing export
                    .requestMatchers("/api/records/**")
                    .hasAuthority(authorityOf(OPERATIONS_MANAGERS))
                    // a request's record is for the staff, not for the customer's systems
                    .requestMatchers(HttpMethod.GET, "/api/service-requests/*/record")
                    .hasAnyAuthority(staff())
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/service-requests",
                        "/api/service-requests/*/cancellation",
                        "/api/service-requests/*/customer-response",
                        "/api/service-requests/*/confirmation",
                        "/api/service-requests/*/objection",
                        "/api/service-requests/*/feedback")
                    .hasAnyAuthority(
                        authorityOf(API_CLIENTS), authorityOf(SERVICE_COORDINATORS), authorityOf(OPERATIONS_MANAGERS))
                    .requestMatchers("/api/capas", "/api/capas/**")
                    .hasAnyAuthority(authorityOf(QUALITY_ASSURANCE), authorityOf(OPERATIONS_MANAGERS))
                    .requestMatchers("/api/kpis", "/api/kpis/**", "/api/simulations", "/api/simulations/**")
                    .hasAuthority(authorityOf(OPERATIONS_MANAGERS))
                    // so is moving running requests to another version of their process (package migration)
                    .requestMatchers("/api/migrations", "/api/migrations/**")
                    .hasAuthority(authorityOf(OPERATIONS_MANAGERS))
                    .requestMatchers("/api/integrations/**")
                    .hasAuthority(authorityOf(API_CLIENTS))
                    // the resource pool: the staff read it, resource analysts and operations managers keep it
                    .requestMatchers(HttpMethod.GET, "/api/resources", "/api/resources/**")
                    .hasAnyAuthority(staff())
                    .requestMatchers("/api/resources", "/api/resources/**")
                    .hasAnyAuthority(authorityOf(RESOURCE_ANALYSTS), authorityOf(OPERATIONS_MANAGERS))
                    // everything else (requests, the catalog, calendars, ...) for the people's groups and the API
                    // clients; monitoring systems and users in no business group get 403
                    .anyRequest()
                    .hasAnyAuthority(readers()))
        .securityContext(
            context ->
                context.securityContextRepository(
                    new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SignedInSessionForReading())));
    return statelessBasic(http, objectMapper).build();
  }

  /**
   * The health status is public, for load balancers and probes; who may see its components is configured in
   * {@code management.endpoint.health.roles}. The metrics are for the monitoring systems and the operations managers.
   */
  @Bean
  SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                    .permitAll()
                    .requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class))
                    .hasAnyAuthority(authorityOf(MONITORING), authorityOf(OPERATIONS_MANAGERS))
                    .anyRequest()
                    .hasAuthority(authorityOf(OPERATIONS_MANAGERS)));
    return statelessBasic(http, objectMapper).build();
  }

  /** HTTP Basic without a session or CSRF token, with RFC 9457 bodies for 401 and 403 */
  static HttpSecurity statelessBasic(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    return http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(objectMapper)))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(unauthorized(objectMapper))
                    .accessDeniedHandler(forbidden(objectMapper)))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(SecurityHeaders.standard())
        .csrf(AbstractHttpConfigurer::disable);
  }

  /** the groups of the service organisation's people */
  private static String[] staff() {
    return Groups.ALL.stream().map(Groups::authorityOf).toArray(String[]::new);
  }

  /** the groups of the people and the API clients: whoever has business with {@code /api} */
  static String[] readers() {
    return java.util.stream.Stream.concat(Groups.ALL.stream(), java.util.stream.Stream.of(API_CLIENTS))
        .map(Groups::authorityOf)
        .toArray(String[]::new);
  }

  private static AuthenticationEntryPoint unauthorized(ObjectMapper objectMapper) {
    return (request, response, exception) -> {
      // the dashboard's scripts, whose session has ended, get the problem without the browser's password dialog
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"service-delivery\"");
      }
      write(
          response,
          objectMapper,
          HttpStatus.UNAUTHORIZED,
          "Authentication required: use HTTP Basic with a Camunda user.",
          request.getRequestURI());
    };
  }

  private static AccessDeniedHandler forbidden(ObjectMapper objectMapper) {
    return (request, response, exception) ->
        write(response, objectMapper, HttpStatus.FORBIDDEN, "Your groups do not allow this.", request.getRequestURI());
  }

  private static void write(
      HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status, String detail, String path)
      throws java.io.IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(path));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
