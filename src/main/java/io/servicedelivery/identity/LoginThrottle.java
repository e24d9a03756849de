package io.servicedelivery.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without letting anybody lock a user out. Every sign-in is watched: HTTP Basic on any
 * path ({@code /api}, {@code /engine-rest}, the actuator, the API docs), the dashboard's login form ({@code POST
 * /login}) and the Camunda webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). Failures
 * are counted per client address <em>and</em> user, in memory on each node: after {@value #FREE_FAILURES} failures
 * in a row that address is refused for that user (429 with {@code Retry-After}, the password is not even checked) for
 * 30 s, doubling with each further failure up to 15 minutes. A successful sign-in from the address ends its count.
 * The same user from another address signs in at once: Camunda's own lock of the account after failed logins, which
 * anybody who knows a user id could trigger from anywhere, is switched off ({@link CamundaLoginLockoutOff}).
 *
 * <p>The client address is {@link HttpServletRequest#getRemoteAddr()}. Behind a load balancer or reverse proxy that is
 * the proxy's address, the same for everybody, unless {@code server.forward-headers-strategy} is set ({@code native}
 * for Tomcat's RemoteIpValve, which trusts {@code X-Forwarded-For} from the private address ranges only, or {@code
 * framework}): then the client's address comes from {@code X-Forwarded-For}. Without it all clients behind the proxy
 * share one count per user. Never set it when clients reach the application directly: they could then choose their
 * address.
 */
@Configuration
class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
  static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
  /** an address whose last failure is this old is forgotten */
  static final Duration MEMORY = Duration.ofHours(1);
  /** at most this many (address, user) pairs are remembered; beyond it new pairs are not counted */
  static final int CAPACITY = 100_000;

  @Bean
  FilterRegistrationBean<Filter> loginThrottleFilter(CamundaBpmProperties camunda, ObjectMapper objectMapper) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(
            new Filter(camunda.getWebapp().getApplicationPath(), objectMapper, Clock.systemUTC()));
    registration.setName("loginThrottle");
    registration.addUrlPatterns("/*");
    // after the character encoding (the form's parameters) and the forwarded headers, before Spring Session,
    // Spring Security and Camunda's filters
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final String webappLoginPrefix;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Map<Key, Attempts> attempts = new ConcurrentHashMap<>();

    Filter(String webappPath, ObjectMapper objectMapper, Clock clock) {
      this.webappLoginPrefix = webappPath + "/api/admin/auth/user/";
      this.objectMapper = objectMapper;
      this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Login login = loginOf(request);
      if (login == null) {
        chain.doFilter(request, response);
        return;
      }
      Key key = new Key(request.getRemoteAddr(), login.user().toLowerCase(Locale.ROOT));
      Attempts entry = attempts.get(key);
      if (entry == null) {
        forgetOld();
        if (attempts.size() >= CAPACITY) {
          log.warn("Login throttle full ({} address and user pairs): {} is not counted", CAPACITY, key);
          chain.doFilter(request, response);
          return;
        }
        entry = attempts.computeIfAbsent(key, k -> new Attempts());
      }
      Duration wait = entry.begin(clock.instant());
      if (wait != null) {
        refuse(request, response, wait);
        return;
      }
      boolean failed = true;
      try {
        chain.doFilter(request, response);
        failed = login.failed(response);
      } finally {
        if (entry.end(failed, clock.instant())) {
          log.warn(
              "{} failed sign-ins in a row for user {} from {}: that address waits before it may try again",
              entry.failures(), key.user(), key.address());
        }
        if (!failed) {
          attempts.remove(key, entry);
        }
      }
    }

    /** the sign-in this request is, or null */
    private Login loginOf(HttpServletRequest request) {
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        String user = basicUser(authorization.substring(6).trim());
        return new Login(user, response -> response.getStatus() == HttpStatus.UNAUTHORIZED.value());
      }
      if (!"POST".equals(request.getMethod())) {
        return null;
      }
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.equals(DashboardSecurity.LOGIN_PAGE)) {
        // Spring Security's form login sends a failure back to the login page with ?error
        return new Login(
            userParameter(request),
            response -> {
              String location = response.getHeader(HttpHeaders.LOCATION);
              return location != null && location.contains(DashboardSecurity.LOGIN_PAGE + "?error");
            });
      }
      if (path.startsWith(webappLoginPrefix) && path.contains("/login/")) {
        // Camunda's UserAuthenticationResource answers a wrong password with 401
        return new Login(
            userParameter(request), response -> response.getStatus() == HttpStatus.UNAUTHORIZED.value());
      }
      return null;
    }

    private static String basicUser(String encoded) {
      try {
        String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }

    private static String userParameter(HttpServletRequest request) {
      String user = request.getParameter("username");
      return user == null ? "" : user;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
      long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.TOO_MANY_REQUESTS,
              "Too many failed sign-ins for this user from your address: try again in " + seconds + " s.");
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private void forgetOld() {
      if (attempts.size() < CAPACITY / 2) {
        return;
      }
      Instant now = clock.instant();
      attempts.entrySet().removeIf(entry -> entry.getValue().forgotten(now));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
      return true;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return true;
    }
  }

  private record Key(String address, String user) {}

  private record Login(String user, FailureTest failureTest) {

    boolean failed(HttpServletResponse response) {
      return failureTest.failed(response);
    }
  }

  @FunctionalInterface
  private interface FailureTest {
    boolean failed(HttpServletResponse response);
  }

  /** the failed sign-ins in a row of one user from one address, and the attempts under way */
  static final class Attempts {

    private int failures;
    private int underWay;
    private Instant pausedUntil = Instant.MIN;
    private Instant lastFailure = Instant.MIN;

    /** @return null when the attempt may go ahead (and is then under way), else how long to wait */
    synchronized Duration begin(Instant now) {
      if (now.isBefore(pausedUntil)) {
        return Duration.between(now, pausedUntil);
      }
      // Once a sign-in has failed, attempts sent at once count as failures until they are known not to be: no more
      // of them than are still free, and after a pause one at a time. Without a failure there is no limit, so an API
      // client may call in parallel; a burst of guesses is bounded by Tomcat's threads before the first failures count.
      int allowed = failures == 0 ? Integer.MAX_VALUE : failures >= FREE_FAILURES ? 1 : FREE_FAILURES - failures;
      if (underWay >= allowed) {
        return Duration.ofSeconds(1);
      }
      underWay++;
      return null;
    }

    /** @return whether this failure started a pause */
    synchronized boolean end(boolean failed, Instant now) {
      underWay--;
      if (!failed) {
        failures = 0;
        pausedUntil = Instant.MIN;
        return false;
      }
      failures++;
      lastFailure = now;
      if (failures < FREE_FAILURES) {
        return false;
      }
      int doublings = Math.min(failures - FREE_FAILURES, 10);
      Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
      pausedUntil = now.plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
      return true;
    }

    synchronized int failures() {
      return failures;
    }

    synchronized boolean forgotten(Instant now) {
      return underWay == 0 && now.isAfter(pausedUntil) && now.isAfter(lastFailure.plus(MEMORY));
    }
  }
}
