package io.servicedelivery.simulation;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.catalog.ServiceSummary;
import io.servicedelivery.records.RequestMilestones;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the history of a period for the model, in one read-only transaction (one connection, the statements one
 * after the other, none per request): the requests and their deliveries' passes through the records' read model
 * {@link RequestMilestones}, the resource pool, the catalog and the calendars through their capabilities' services.
 */
@Component
class HistoryReader {

  private final RequestMilestones milestones;
  private final StaffDirectory staffDirectory;
  private final ServiceCatalog catalog;
  private final BusinessCalendars calendars;

  HistoryReader(
      RequestMilestones milestones,
      StaffDirectory staffDirectory,
      ServiceCatalog catalog,
      BusinessCalendars calendars) {
    this.milestones = milestones;
    this.staffDirectory = staffDirectory;
    this.catalog = catalog;
    this.calendars = calendars;
  }

  @Transactional(readOnly = true)
  public History read(Instant from, Instant to) {
    List<Arrival> arrivals =
        milestones.received(from, to).stream()
            .map(received -> new Arrival(received.receivedAt(), received.serviceCode(),
                Priority.valueOf(received.priority())))
            .toList();
    Set<String> activities = new TreeSet<>(ModelBuilder.COUNTED);
    for (Step step : Step.values()) {
      if (step != Step.CONFIRMATION) {
        activities.add(step.id());
      }
    }
    List<Pass> passes =
        milestones.passes(from, to, activities).stream()
            .map(pass -> new Pass(pass.activityId(), pass.serviceCode(), Priority.valueOf(pass.priority()),
                pass.startedAt(), pass.endedAt(), pass.assignee()))
            .toList();
    List<Delivery> deliveries =
        milestones.delivered(from, to).stream()
            .map(delivered -> new Delivery(delivered.requestId(), delivered.serviceCode(),
                Priority.valueOf(delivered.priority()), delivered.receivedAt(), delivered.plannedAt(),
                delivered.plannedCompletionAt(), delivered.resolvedAt(), delivered.closedAt()))
            .toList();
    return new History(from, to, arrivals, passes, deliveries, staff(), services(to), calendarsByCode());
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


}
