package io.servicedelivery.metrics;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.web.InvalidParametersException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key figures of a period for the operations managers: in total with the trend against the period before, per
 * ISO week, and per catalog service. openAtRisk is a figure of now, not of the period: it has no previous value, and
 * of the weeks only the current one shows it. Each report is read in one read-only transaction: its many queries and
 * the engine's query of the deliveries at risk take one connection, one after the other.
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

  /** @param serviceCode null for all services */
  @Transactional(readOnly = true)
  KpiReport summary(KpiPeriod period, String serviceCode) {
    requireKnown(serviceCode);
    return new KpiReport(
        period.from(), period.to(), serviceCode, trends(period, serviceCode, totals.deliveriesAtRisk()));
  }

  /** @param serviceCode null for all services */
  @Transactional(readOnly = true)
  List<WeeklyKpis> weekly(KpiPeriod period, String serviceCode) {
    requireKnown(serviceCode);
    LocalDate currentWeek =
        clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<WeeklyKpis> weeks = new ArrayList<>();
    for (KpiPeriod.Week week : period.weeks()) {
      List<Kpi> kpis = new ArrayList<>(totals.of(week.part(), serviceCode).kpis());
      kpis.add(
          week.start().equals(currentWeek)
              ? totals.openStanding(totals.deliveriesAtRisk(), serviceCode).kpi()
              : new OpenStanding(0, 0).kpi());
      weeks.add(new WeeklyKpis(week.start(), kpis));
    }
    return weeks;
  }

  /** Every service of the catalog as it is now, by name. */
  @Transactional(readOnly = true)
  List<ServiceKpis> byService(KpiPeriod period) {
    Set<String> deliveriesAtRisk = totals.deliveriesAtRisk();
    return catalog.list().stream()
        .map(
            service ->
                new ServiceKpis(service.code(), service.name(), trends(period, service.code(), deliveriesAtRisk)))
        .toList();
  }

  private List<KpiTrend> trends(KpiPeriod period, String serviceCode, Set<String> deliveriesAtRisk) {
    List<Kpi> current = totals.of(period, serviceCode).kpis();
    List<Kpi> previous = totals.of(period.previous(), serviceCode).kpis();
    List<KpiTrend> trends =
        new ArrayList<>(
            IntStream.range(0, current.size())
                .mapToObj(i -> new KpiTrend(current.get(i), previous.get(i).value()))
                .toList());
    trends.add(new KpiTrend(totals.openStanding(deliveriesAtRisk, serviceCode).kpi(), null));
    return trends;
  }

  private void requireKnown(String serviceCode) {
    if (serviceCode != null && catalog.versions(serviceCode).isEmpty()) {
      throw new InvalidParametersException(
          "serviceCode", "is not a service of the catalog: '" + serviceCode + "'");
    }
  }
}
