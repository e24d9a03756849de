package io.servicedelivery.simulation;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.catalog.ServiceSummary;
import io.servicedelivery.resourcing.Resource;
import io.servicedelivery.resourcing.Skill;
import io.servicedelivery.resourcing.StaffDirectory;
import io.servicedelivery.simulation.History.Arrival;
import io.servicedelivery.simulation.History.Delivery;
import io.servicedelivery.simulation.History.Pass;
import io.servicedelivery.simulation.SimulationModel.Interval;
import io.servicedelivery.simulation.SimulationModel.ServiceTerms;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the history of a period for the model, in one read-only transaction (one connection): three statements over
 * the delivery records and the engine's activity history (standard SQL, H2 and PostgreSQL; no statement per request),
 * and the resource pool, the catalog and the calendars through their capabilities' services.
 */
@Component
class HistoryReader {

  private final JdbcClient jdbc;
  private final StaffDirectory staffDirectory;
  private final ServiceCatalog catalog;
  private final BusinessCalendars calendars;

  HistoryReader(
      JdbcClient jdbc, StaffDirectory staffDirectory, ServiceCatalog catalog, BusinessCalendars calendars) {
    this.jdbc = jdbc;
    this.staffDirectory = staffDirectory;
    this.catalog = catalog;
    this.calendars = calendars;
  }

  @Transactional(readOnly = true)
  public History read(Instant from, Instant to) {
    Map<String, Object> period = Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));
    List<Arrival> arrivals =
        jdbc.sql(
                """
                select r.received_at, r.service_code, r.priority from service_delivery_record r
                where r.received_at >= :from and r.received_at < :to
                  and r.service_code is not null and r.priority is not null""")
            .params(period)
            .query((rs, row) ->
                new Arrival(instant(rs, "received_at"), rs.getString("service_code"), priority(rs)))
            .list();
    Set<String> activities = new TreeSet<>(ModelBuilder.COUNTED);
    for (Step step : Step.values()) {
      activities.add(step.id());
    }
    List<Pass> passes =
        jdbc.sql(
                """
                select a.ACT_ID_ as activity_id, a.START_TIME_ as started_at, a.END_TIME_ as ended_at,
                  a.ASSIGNEE_ as assignee, r.service_code, r.priority
                from ACT_HI_ACTINST a join service_delivery_record r on r.process_instance_id = a.ROOT_PROC_INST_ID_
                where a.ACT_ID_ in (:activities) and a.END_TIME_ >= :from and a.END_TIME_ < :to
                  and r.service_code is not null and r.priority is not null""")
            .params(period)
            .param("activities", List.copyOf(activities))
            .query((rs, row) ->
                new Pass(
                    rs.getString("activity_id"),
                    rs.getString("service_code"),
                    priority(rs),
                    instant(rs, "started_at"),
                    instant(rs, "ended_at"),
                    rs.getString("assignee")))
            .list();
    List<Delivery> deliveries =
        jdbc.sql(
                """
                select r.service_code, r.priority, r.received_at, r.planned_at, r.planned_completion_at,
                  r.resolved_at, r.closed_at
                from service_delivery_record r
                where r.outcome = 'CLOSED' and r.closed_at >= :from and r.closed_at < :to
                  and r.service_code is not null and r.priority is not null""")
            .params(period)
            .query((rs, row) ->
                new Delivery(
                    rs.getString("service_code"),
                    priority(rs),
                    instant(rs, "received_at"),
                    instant(rs, "planned_at"),
                    instant(rs, "planned_completion_at"),
                    instant(rs, "resolved_at"),
                    instant(rs, "closed_at")))
            .list();
    return new History(
        from, to, arrivals, passes, deliveries, staff(), services(to), calendarsByCode());
  }

  /** the pool as it is now: skills by name (any level), capacity, working calendar and absences */
  List<StaffMember> staff() {
    return staffDirectory.list().stream().map(HistoryReader::member).toList();
  }

  Map<String, BusinessCalendar> calendarsByCode() {
    return calendars.list().stream().collect(Collectors.toMap(BusinessCalendar::code, Function.identity()));
  }

  /** the services of the catalog with the version effective at the end of the period */
  Map<String, ServiceTerms> services(Instant at) {
    Map<String, ServiceTerms> services = new HashMap<>();
    for (ServiceSummary summary : catalog.list()) {
      ServiceDefinition definition = catalog.findEffectiveAt(summary.code(), at).orElse(null);
      if (definition != null) {
        Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
        definition.slaTargets().forEach(target -> targets.put(target.priority(), target));
        services.put(
            definition.code(),
            new ServiceTerms(definition.code(), definition.requiredSkill().toLowerCase(Locale.ROOT), targets));
      }
    }
    return services;
  }

  private static StaffMember member(Resource resource) {
    List<Interval> absences = new ArrayList<>();
    resource.absences().forEach(absence -> absences.add(new Interval(absence.from(), absence.to())));
    return new StaffMember(
        resource.userId(),
        resource.skills().stream().map(Skill::name).map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet()),
        resource.capacity(),
        resource.workingCalendar(),
        absences);
  }

  private static Priority priority(ResultSet rs) throws SQLException {
    return Priority.valueOf(rs.getString("priority"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
