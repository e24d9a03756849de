package io.servicedelivery.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.notification.NotificationCounts;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceRecordCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToLongBiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery's meters for {@code /actuator/prometheus}, tagged by {@code service} (and {@code status}). They are
 * read from the database, not counted in memory, so every node of a cluster reports the same numbers, and they
 * survive a restart: the counters (SLA breaches, SLA warnings, reworks, ratings) query at each scrape, the gauges
 * (requests per status, average rating) are refreshed every {@code servicedelivery.metrics.refresh-interval}.
 */
@Component
class DeliveryMetrics {

  private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

  /** the service tag of requests rejected before they named a service */
  static final String NO_SERVICE = "none";

  private final ServiceRecordCounts recordCounts;
  private final NotificationCounts notificationCounts;
  private final ServiceCatalog catalog;
  private final MeterRegistry registry;
  private final MultiGauge requests;
  private final MultiGauge averageRating;
  /** the services whose counters are registered (each refresh adds those of new services) */
  private final Set<String> counted = ConcurrentHashMap.newKeySet();

  DeliveryMetrics(
      ServiceRecordCounts recordCounts,
      NotificationCounts notificationCounts,
      ServiceCatalog catalog,
      MeterRegistry registry) {
    this.recordCounts = recordCounts;
    this.notificationCounts = notificationCounts;
    this.catalog = catalog;
    this.registry = registry;
    this.requests =
        MultiGauge.builder("servicedelivery.requests")
            .description("Service requests by service and status (outcome)")
            .baseUnit("requests")
            .register(registry);
    this.averageRating =
        MultiGauge.builder("servicedelivery.csat.rating.average")
            .description("Average customer rating (1 to 5)")
            .register(registry);
  }

  /** The gauges' figures, read in one read-only transaction: one connection for the scheduler's thread. */
  @Scheduled(fixedDelayString = "${servicedelivery.metrics.refresh-interval}")
  @Transactional(readOnly = true)
  void refresh() {
    List<String> services = services();
    services.stream().filter(counted::add).forEach(this::registerCounters);

    Map<Tags, Long> counts = new LinkedHashMap<>();
    for (String service : services) {
      for (RequestOutcome outcome : RequestOutcome.values()) {
        counts.put(Tags.of("service", service, "status", outcome.name()), 0L);
      }
    }
    for (ServiceRecordCounts.OutcomeCount count : recordCounts.requestsByServiceAndOutcome()) {
      String service = count.serviceCode();
      counts.put(
          Tags.of("service", service == null ? NO_SERVICE : service, "status", count.outcome().name()),
          count.requests());
    }
    requests.register(
        counts.entrySet().stream().map(count -> MultiGauge.Row.of(count.getKey(), count.getValue())).toList(), true);

    List<MultiGauge.Row<?>> averages = new ArrayList<>();
    for (ServiceRecordCounts.AverageRating rating : recordCounts.averageRatingByService()) {
      averages.add(MultiGauge.Row.of(Tags.of("service", rating.serviceCode()), rating.average()));
    }
    averageRating.register(averages, true);
  }

  /** The catalog's services and any other service a request names. */
  private List<String> services() {
    Set<String> services = new TreeSet<>(catalog.codes());
    services.addAll(recordCounts.serviceCodes());
    return new ArrayList<>(services);
  }

  private void registerCounters(String service) {
    counter(
        "servicedelivery.sla.breaches",
        "Requests that breached their resolution SLA",
        service,
        recordCounts,
        ServiceRecordCounts::slaBreaches);
    counter(
        "servicedelivery.sla.warnings",
        "SLA warnings sent (one mail, whatever the number of recipients)",
        service,
        notificationCounts,
        (notifications, code) -> notifications.mailsSent(NotificationType.SLA_WARNING, code));
    counter(
        "servicedelivery.reworks",
        "Rework rounds after failed quality checks",
        service,
        recordCounts,
        ServiceRecordCounts::reworks);
    counter(
        "servicedelivery.csat.ratings",
        "Customer ratings given",
        service,
        recordCounts,
        ServiceRecordCounts::ratings);
  }

  /**
   * A database that cannot answer makes the counter NaN for this scrape, not the whole scrape fail. The counter holds
   * its source weakly: the source is a bean, which lives as long as the application.
   */
  private <T> void counter(
      String name, String description, String service, T source, ToLongBiFunction<T, String> reading) {
    FunctionCounter.builder(name, source, counts -> count(name, service, () -> reading.applyAsLong(counts, service)))
        .description(description)
        .tag("service", service)
        .register(registry);
  }

  private static double count(String name, String service, LongSupplier reading) {
    try {
      return reading.getAsLong();
    } catch (DataAccessException e) {
      log.warn("Cannot read {} of service {} from the database: {}", name, service, e.getMessage());
      return Double.NaN;
    }
  }
}
