package io.servicedelivery.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the servlet container sends the errors of other paths (an error dispatch); no security chain
 * looks at it, so an error's answer never turns into a 401 or 403. Asked for directly, by anybody, it is no error at
 * all: Spring Boot's error controller would answer such a request with 500 (there is no status to report), which
 * looks like a fault of the application. This answers it with 404 instead; the error dispatches pass untouched.
 */
@Configuration
class DirectErrorRequests {

  @Bean
  FilterRegistrationBean<NotFound> directErrorRequestsFilter(ObjectMapper objectMapper) {
    FilterRegistrationBean<NotFound> registration = new FilterRegistrationBean<>(new NotFound(objectMapper));
    registration.setName("directErrorRequests");
    registration.addUrlPatterns("/error", "/error/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  static final class NotFound extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    NotFound(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such page.");
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.NOT_FOUND.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
    }
  }
}
