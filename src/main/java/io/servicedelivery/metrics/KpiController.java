package io.servicedelivery.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The key performance indicators of the service delivery, for the operations managers' dashboard. */
@RestController
@RequestMapping("/api/kpis")
@Tag(
    name = "KPIs",
    description = "Key figures of the requests that ended (were closed) in a period [from, to). from and to are "
        + "ISO-8601 instants or dates (a date is the start of that day in UTC); by default the 30 days up to now. "
        + "Percentages have one decimal, scores and money two, hours one, rounded half up from the numerator and "
        + "denominator shown; the value is null when the denominator is 0.")
@ApiResponse(
    responseCode = "400",
    description = "from, to or serviceCode is invalid, or from is not before to; errors names them")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
@ApiResponse(responseCode = "403", description = "Only operations managers see the KPIs")
class KpiController {

  private final KpiReports reports;
  private final Clock clock;

  KpiController(KpiReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping
  @Operation(
      summary = "The KPIs of a period, with the value of the period of equal length before it",
      description = "onTimeDelivery, responseSlaCompliance, resolutionSlaCompliance, firstTimeRight, csatAverage, "
          + "csatResponseRate, averageCost, totalCost, averageCycleTime and openAtRisk, in this order. openAtRisk "
          + "counts the open requests now, whatever the period, and has no previous value.")
  @ApiResponse(responseCode = "200", description = "The KPIs")
  KpiReport summary(
      @Parameter(description = "start, inclusive", example = "2026-10-23") @RequestParam(required = false) String from,
      @Parameter(description = "end, exclusive", example = "2026-11-22T00:00:00Z") @RequestParam(required = false)
          String to,
      @Parameter(description = "one service of the catalog; all when absent") @RequestParam(required = false)
          String serviceCode) {
    return reports.summary(KpiPeriod.parse(from, to, clock), service(serviceCode));
  }

  @GetMapping("/weekly")
  @Operation(
      summary = "The KPIs per ISO week (Monday 00:00 UTC) of the period",
      description = "The first and last week are cut to the period. openAtRisk is shown in the current week only.")
  @ApiResponse(responseCode = "200", description = "One entry per week, the oldest first")
  List<WeeklyKpis> weekly(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String serviceCode) {
    return reports.weekly(KpiPeriod.parse(from, to, clock), service(serviceCode));
  }

  @GetMapping("/by-service")
  @Operation(summary = "The KPIs of the period for each service of the catalog, with the previous period's values")
  @ApiResponse(responseCode = "200", description = "One entry per service, by name")
  List<ServiceKpis> byService(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return reports.byService(KpiPeriod.parse(from, to, clock));
  }

  /** {@code serviceCode=} as a form without a choice sends it: all services */
  private static String service(String serviceCode) {
    return StringUtils.hasText(serviceCode) ? serviceCode : null;
  }
}
