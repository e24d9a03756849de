package io.servicedelivery.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security headers on every answer. The Spring Security chains ({@link ApiSecurity}, {@link DashboardSecurity},
 * {@link ApiDocsSecurity}, {@link SetupPageClosed}) write Spring Security's defaults ({@code X-Content-Type-Options},
 * {@code X-Frame-Options: DENY}, {@code Cache-Control: no-store}, HSTS on HTTPS) plus {@link #REFERRER_POLICY}. The
 * paths no chain looks at, {@code /engine-rest}, the Camunda webapps, Swagger UI and {@code /v3/api-docs} in the demo,
 * the static files and {@code /error}, get the same from the filter here, written when the answer is committed and
 * only where the answer has no such header yet: Camunda's webapps send their own Content-Security-Policy and {@code
 * X-Content-Type-Options} (its {@code HttpHeaderSecurityFilter}), which stay as they are, and a controller's own
 * {@code Cache-Control} wins too. {@code Cache-Control: no-store} only on API answers ({@code /engine-rest}, {@code
 * /camunda/api}, {@code /v3/api-docs}, {@code /error}); static files keep their caching.
 *
 * <p>HSTS goes out on HTTPS requests only: behind a load balancer that ends TLS the application sees HTTPS only with
 * {@code server.forward-headers-strategy} set ({@code X-Forwarded-Proto}).
 */
@Configuration
class SecurityHeaders {

  static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

  /** Spring Security's default headers and the referrer policy, for the chains */
  static Customizer<HeadersConfigurer<HttpSecurity>> standard() {
    return headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY));
  }

  @Bean
  FilterRegistrationBean<EveryAnswer> securityHeadersFilter() {
    FilterRegistrationBean<EveryAnswer> registration = new FilterRegistrationBean<>(new EveryAnswer());
    registration.setName("securityHeaders");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    // outside everything else, so that what the chains and Camunda write comes first
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  static final class EveryAnswer extends HeaderWriterFilter {

    EveryAnswer() {
      super(writers());
    }

    private static List<HeaderWriter> writers() {
      RequestMatcher apiAnswers =
          request -> {
            String path = pathOf(request);
            return path.startsWith("/engine-rest/")
                || path.startsWith("/camunda/api/")
                || path.equals("/v3/api-docs")
                || path.startsWith("/v3/api-docs/")
                || path.equals("/error")
                || request.getDispatcherType() == DispatcherType.ERROR;
          };
      return List.of(
          new XContentTypeOptionsHeaderWriter(),
          new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
          new ReferrerPolicyHeaderWriter(REFERRER_POLICY),
          new HstsHeaderWriter(),
          new DelegatingRequestMatcherHeaderWriter(apiAnswers, new CacheControlHeadersWriter()));
    }

    private static String pathOf(HttpServletRequest request) {
      return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** also the error pages: an error on a path outside the chains ends in {@code /error} */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return false;
    }
  }
}
