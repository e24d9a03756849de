package io.servicedelivery.metrics;

import io.servicedelivery.web.InvalidParametersException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The operations managers' dashboard ({@code static/dashboard/}) and the data of its process map. Only signed-in
 * operations managers get here (identity/DashboardSecurity); the KPI tiles and charts read {@code /api/kpis} with the
 * same session.
 */
@Controller
class DashboardController {

  private final ProcessMapStatistics statistics;

  DashboardController(ProcessMapStatistics statistics) {
    this.statistics = statistics;
  }

  @GetMapping({"/dashboard", "/dashboard/"})
  String dashboard() {
    return "forward:/dashboard/index.html";
  }

  /** Who is signed in, and the CSRF token the sign-out form needs. */
  @GetMapping("/dashboard/api/session")
  @ResponseBody
  SignedIn session(Principal user, CsrfToken csrf) {
    return new SignedIn(user.getName(), csrf.getParameterName(), csrf.getToken());
  }

  record SignedIn(String user, String csrfParameter, String csrfToken) {}

  /** The BPMN XML of the latest service-delivery process, for bpmn-js. */
  @GetMapping(value = "/dashboard/api/process-map/diagram", produces = MediaType.APPLICATION_XML_VALUE)
  @ResponseBody
  String diagram() {
    return statistics.diagram();
  }

  /**
   * Per activity: durations, SLA breaches, reworks and repeated passes of the period, and the requests waiting now. The period is
   * given in days as for {@code /api/kpis}: from the start of {@code from} to the start of {@code to} (exclusive), UTC;
   * {@code from} must be before {@code to} (a 400 naming {@code from} otherwise). Days beyond the years 1 to 9999 are
   * refused while the parameters are read (web/StrictParameters).
   */
  @GetMapping("/dashboard/api/activities")
  @ResponseBody
  List<ActivityStatistics> activities(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (!from.isBefore(to)) {
      throw new InvalidParametersException("from", "must be before to (" + to + ")");
    }
    return statistics.activities(startOf(from), startOf(to));
  }

  /** The requests waiting at the activity now, longest waiting first. */
  @GetMapping("/dashboard/api/activities/{activityId}/requests")
  @ResponseBody
  List<WaitingRequest> waitingAt(@PathVariable String activityId) {
    return statistics.waitingAt(activityId);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
