package io.servicedelivery.metrics;

import io.servicedelivery.records.DeliveryOutcomes.Selection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
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
    description = "from, to, serviceCode, customerId or requesterEmail is invalid, from is not before to, or a "
        + "parameter is unknown; errors names them")
@ApiResponse(responseCode = "401", description = "Not authenticated: use HTTP Basic with a Camunda user")
@ApiResponse(responseCode = "403", description = "Only operations managers see the KPIs")
class KpiController {

  private static final String CUSTOMER = "the requests of one customer, e.g. ACME; all when absent";
  private static final String REQUESTER =
      "the requests of one requester, by e-mail address in any case; all when absent";

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
          + "counts the open requests now, whatever the period, and has no previous value. serviceCode, customerId "
          + "and requesterEmail narrow the figures to the requests of one service, customer or requester; given "
          + "together, to the requests of all of them.")
  @ApiResponse(responseCode = "200", description = "The KPIs")
  KpiReport summary(
      @Parameter(description = "start, inclusive", example = "2026-10-23") @RequestParam(required = false) String from,
      @Parameter(description = "end, exclusive", example = "2026-11-22T00:00:00Z") @RequestParam(required = false)
          String to,
      @Parameter(description = "one service of the catalog; all when absent") @RequestParam(required = false)
          String serviceCode,
      @Parameter(description = CUSTOMER) @RequestParam(required = false) @Size(max = 64) String customerId,
      @Parameter(description = REQUESTER) @RequestParam(required = false) @Size(max = 254) String requesterEmail) {
    return reports.summary(
        KpiPeriod.parse(from, to, clock), new Selection(text(serviceCode), text(customerId), text(requesterEmail)));
  }

  @GetMapping("/weekly")
  @Operation(
      summary = "The KPIs per ISO week (Monday 00:00 UTC) of the period",
      description = "The first and last week are cut to the period. openAtRisk is shown in the current week only. "
          + "serviceCode, customerId and requesterEmail narrow the figures as for GET /api/kpis.")
  @ApiResponse(responseCode = "200", description = "One entry per week, the oldest first")
  List<WeeklyKpis> weekly(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String serviceCode,
      @Parameter(description = CUSTOMER) @RequestParam(required = false) @Size(max = 64) String customerId,
      @Parameter(description = REQUESTER) @RequestParam(required = false) @Size(max = 254) String requesterEmail) {
    return reports.weekly(
        KpiPeriod.parse(from, to, clock), new Selection(text(serviceCode), text(customerId), text(requesterEmail)));
  }

  @GetMapping("/by-service")
  @Operation(
      summary = "The KPIs of the period for each service of the catalog, with the previous period's values",
      description = "customerId and requesterEmail narrow the figures as for GET /api/kpis.")
  @ApiResponse(responseCode = "200", description = "One entry per service, by name")
  List<ServiceKpis> byService(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @Parameter(description = CUSTOMER) @RequestParam(required = false) @Size(max = 64) String customerId,
      @Parameter(description = REQUESTER) @RequestParam(required = false) @Size(max = 254) String requesterEmail) {
    return reports.byService(
        KpiPeriod.parse(from, to, clock), new Selection(null, text(customerId), text(requesterEmail)));
  }

  @GetMapping("/by-customer")
  @Operation(
      summary = "The KPIs of the period for each customer, with the previous period's values: the SLA report per "
          + "customer",
      description = "Every customer with requests closed in the period or the period before, or open now. "
          + "Requests without a customer id are in no customer's figures.")
  @ApiResponse(responseCode = "200", description = "One entry per customer, by customer id")
  List<CustomerKpis> byCustomer(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return reports.byCustomer(KpiPeriod.parse(from, to, clock));
  }

  /** {@code serviceCode=} as a form without a choice sends it: all services (customers, requesters) */
  private static String text(String value) {
    return StringUtils.hasText(value) ? value : null;
  }
}
