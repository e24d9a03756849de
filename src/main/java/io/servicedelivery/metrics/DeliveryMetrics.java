package io.servicedelivery.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.records.RequestOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final MeterRegistry registry;
  private final MultiGauge requests;
  private final MultiGauge averageRating;
  /** the services whose counters are registered (each refresh adds those of new services) */
  private final Set<String> counted = ConcurrentHashMap.newKeySet();

  DeliveryMetrics(JdbcClient jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
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
    jdbc.sql(
            """
            select service_code, outcome, count(*) as requests
            from service_delivery_record group by service_code, outcome""")
        .query(
            rs -> {
              String service = rs.getString("service_code");
              counts.put(
                  Tags.of("service", service == null ? NO_SERVICE : service, "status", rs.getString("outcome")),
                  rs.getLong("requests"));
            });
    requests.register(
        counts.entrySet().stream().map(count -> MultiGauge.Row.of(count.getKey(), count.getValue())).toList(), true);

    List<MultiGauge.Row<?>> averages = new ArrayList<>();
    jdbc.sql(
            """
            select r.service_code, avg(cast(f.rating as decimal(10, 4))) as average
            from customer_feedback f join service_delivery_record r on r.request_id = f.request_id
            where r.service_code is not null group by r.service_code""")
        .query(
            rs -> {
              averages.add(MultiGauge.Row.of(Tags.of("service", rs.getString(1)), rs.getDouble("average")));
            });
    averageRating.register(averages, true);
  }

  /** The catalog's services and any other service a request names. */
  private List<String> services() {
    return new ArrayList<>(
        new TreeSet<>(
            jdbc.sql(
                    """
                    select code from catalog_service
                    union select distinct service_code from service_delivery_record where service_code is not null""")
                .query(String.class)
                .list()));
  }

  private void registerCounters(String service) {
    counter(
        "servicedelivery.sla.breaches",
        "Requests that breached their resolution SLA",
        service,
        "select count(*) from service_delivery_record where sla_breached_at is not null and service_code = ?");
    counter(
        "servicedelivery.sla.warnings",
        "SLA warnings sent (one mail, whatever the number of recipients)",
        service,
        """
        select count(distinct coalesce(o.message_id, cast(o.id as varchar(20))))
        from notification_outbox o join service_delivery_record r on r.request_id = o.request_id
        where o.type = '""" + NotificationType.SLA_WARNING.name() + "' and r.service_code = ?");
    counter(
        "servicedelivery.reworks",
        "Rework rounds after failed quality checks",
        service,
        "select coalesce(sum(rework_count), 0) from service_delivery_record where service_code = ?");
    counter(
        "servicedelivery.csat.ratings",
        "Customer ratings given",
        service,
        """
        select count(*) from customer_feedback f join service_delivery_record r on r.request_id = f.request_id
        where r.service_code = ?""");
  }

  /** A database that cannot answer makes the counter NaN for this scrape, not the whole scrape fail. */
  private void counter(String name, String description, String service, String countSql) {
    FunctionCounter.builder(name, jdbc, db -> count(db, countSql, service))
        .description(description)
        .tag("service", service)
        .register(registry);
  }

  private static double count(JdbcClient db, String countSql, String service) {
    try {
      return db.sql(countSql).param(service).query(Long.class).single();
    } catch (DataAccessException e) {
      log.warn("Cannot read {} from the database: {}", countSql, e.getMessage());
      return Double.NaN;
    }
  }
}
