package io.servicedelivery.metrics;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.records.DeliveryOutcomes.Selection;
import io.servicedelivery.web.InvalidParametersException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key figures of a period for the operations managers: in total with the trend against the period before, per
 * ISO week, per catalog service and per customer; of all requests, or of one service, customer or requester.
 * openAtRisk is a figure of now, not of the period: it has no previous value, and of the weeks only the current one
 * shows it. Each report is read in one read-only transaction: its many queries and the engine's query of the
 * deliveries at risk take one connection, one after the other.
 */
@Service
class KpiReports {

  private final DeliveryTotals totals;
  private final ServiceCatalog catalog;
  private final Clock clock;

  KpiReports(DeliveryTotals totals, ServiceCatalog catalog, Clock clock) {
    this.totals = totals;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  KpiReport summary(KpiPeriod period, Selection selection) {
    requireKnown(selection.serviceCode());
    return new KpiReport(
        period.from(),
        period.to(),
        selection.serviceCode(),
        selection.customerId(),
        selection.requesterEmail(),
        trends(period, selection, totals.deliveriesAtRisk()));
  }

  @Transactional(readOnly = true)
  List<WeeklyKpis> weekly(KpiPeriod period, Selection selection) {
    requireKnown(selection.serviceCode());
    LocalDate currentWeek =
        clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<WeeklyKpis> weeks = new ArrayList<>();
    for (KpiPeriod.Week week : period.weeks()) {
      List<Kpi> kpis = new ArrayList<>(totals.of(week.part(), selection).kpis());
      kpis.add(
          week.start().equals(currentWeek)
              ? totals.openStanding(totals.deliveriesAtRisk(), selection).kpi()
              : new OpenStanding(0, 0).kpi());
      weeks.add(new WeeklyKpis(week.start(), kpis));
    }
    return weeks;
  }

  /**
   * Every service of the catalog as it is now, by name.
   *
   * @param selection of a customer or requester (its service is not looked at)
   */
  @Transactional(readOnly = true)
  List<ServiceKpis> byService(KpiPeriod period, Selection selection) {
    Set<String> deliveriesAtRisk = totals.deliveriesAtRisk();
    return catalog.list().stream()
        .map(
            service ->
                new ServiceKpis(
                    service.code(),
                    service.name(),
                    trends(period, selection.withService(service.code()), deliveriesAtRisk)))
        .toList();
  }

  /**
   * Every customer with requests closed in the period or the one before, or open now, by customer id; the figures of
   * all customers come from a few grouped statements, not from statements per customer.
   */
  @Transactional(readOnly = true)
  List<CustomerKpis> byCustomer(KpiPeriod period) {
    Set<String> deliveriesAtRisk = totals.deliveriesAtRisk();
    Map<String, PeriodTotals> current = totals.byCustomer(period);
    Map<String, PeriodTotals> previous = totals.byCustomer(period.previous());
    Map<String, OpenStanding> open = totals.openStandingByCustomer(deliveriesAtRisk);
    Set<String> customers = new TreeSet<>(current.keySet());
    customers.addAll(previous.keySet());
    customers.addAll(open.keySet());
    return customers.stream()
        .map(
            customer ->
                new CustomerKpis(
                    customer,
                    trends(
                        current.getOrDefault(customer, DeliveryTotals.none()),
                        previous.getOrDefault(customer, DeliveryTotals.none()),
                        open.getOrDefault(customer, new OpenStanding(0, 0)))))
        .toList();
  }

  private List<KpiTrend> trends(KpiPeriod period, Selection selection, Set<String> deliveriesAtRisk) {
    return trends(
        totals.of(period, selection),
        totals.of(period.previous(), selection),
        totals.openStanding(deliveriesAtRisk, selection));
  }

  private static List<KpiTrend> trends(PeriodTotals currentTotals, PeriodTotals previousTotals, OpenStanding open) {
    List<Kpi> current = currentTotals.kpis();
    List<Kpi> previous = previousTotals.kpis();
    List<KpiTrend> trends =
        new ArrayList<>(
            IntStream.range(0, current.size())
                .mapToObj(i -> new KpiTrend(current.get(i), previous.get(i).value()))
                .toList());
    trends.add(new KpiTrend(open.kpi(), null));
    return trends;
  }

  private void requireKnown(String serviceCode) {
    if (serviceCode != null && catalog.versions(serviceCode).isEmpty()) {
      throw new InvalidParametersException(
          "serviceCode", "is not a service of the catalog: '" + serviceCode + "'");
    }
  }
}
