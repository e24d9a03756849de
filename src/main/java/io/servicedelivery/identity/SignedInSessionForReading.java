package io.servicedelivery.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets {@code /api} take the caller from a session signed in through the login page ({@link DashboardSecurity}), for
 * reading only ({@code GET}, {@code HEAD}): so the dashboard's scripts read the KPIs without a password of their
 * own. Writes still need HTTP Basic, so a session cookie a browser sends along with a cross-site form is of no use
 * for a change (the stateless {@code /api} has no CSRF tokens). Never creates or changes a session.
 */
final class SignedInSessionForReading implements SecurityContextRepository {

  private static final Set<String> READING = Set.of("GET", "HEAD");

  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  SignedInSessionForReading() {
    sessions.setAllowSessionCreation(false);
  }

  @Override
  @Deprecated
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    if (READING.contains(request.getMethod())) {
      return sessions.loadDeferredContext(request);
    }
    return new DeferredSecurityContext() {
      @Override
      public SecurityContext get() {
        return SecurityContextHolder.createEmptyContext();
      }

      @Override
      public boolean isGenerated() {
        return true;
      }
    };
  }

  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    // /api stays stateless: a Basic login is never kept
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return READING.contains(request.getMethod()) && sessions.containsContext(request);
  }
}
