package io.servicedelivery.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page ({@code /error}) is where the servlet container forwards a failed request; asked for directly it has
 * no error to show, and Spring Boot's error controller answered such a request with a 500 about nothing. It is a 404
 * problem now, for everybody (before any sign-in: there is nothing behind it). Forwards of real errors ({@link
 * DispatcherType#ERROR}) are not filtered and reach Spring Boot's error controller as before.
 */
@Configuration
class DirectErrorRequests {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> directErrorRequestsFilter(
      ObjectMapper objectMapper, @Value("${server.error.path:${error.path:/error}}") String errorPath) {
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws IOException {
            ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing at " + errorPath + ".");
            problem.setInstance(URI.create(errorPath));
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), problem);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(errorPath);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    // after identity/SecurityHeaders, which gives this answer its headers too; before any sign-in
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
