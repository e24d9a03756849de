package io.servicedelivery.simulation;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Elements;
import io.servicedelivery.simulation.History.Delivery;
import io.servicedelivery.simulation.History.Pass;
import io.servicedelivery.simulation.SimulationModel.Arrivals;
import io.servicedelivery.simulation.SimulationModel.Branches;
import io.servicedelivery.simulation.SimulationModel.Durations;
import io.servicedelivery.simulation.SimulationModel.PlannedLead;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the simulation model from the history of a period:
 *
 * <ul>
 *   <li>arrivals: per service and priority, the requests received in each hour of the week (UTC) divided by how often
 *       that hour occurs in the period (an hour of the week the period does not contain gets the pattern's average);
 *   <li>durations: the empirical distribution of each step's observed durations, by priority (planning) or service
 *       (the others); the execution in working time of the calendar of the person who did it;
 *   <li>branches: observed passes divided by the passes of the step before (reworks per quality review, reopenings per
 *       resolution, customer waits and corrective actions per execution);
 *   <li>staff, services (skill, SLA targets) and calendars as they are.
 * </ul>
 */
public final class ModelBuilder {

  /** the activities whose passes give the branch frequencies, beside the steps */
  static final Set<String> COUNTED =
      Set.of(Elements.REGISTER_REWORK, Elements.REOPEN_REQUEST, Elements.RESOLVE_REQUEST);

  private ModelBuilder() {}

  public static SimulationModel build(History history, SlaClock slaClock) {
    return new SimulationModel(
        history.from(),
        history.to(),
        arrivals(history),
        durations(history, slaClock),
        branches(history),
        plannedLead(history),
        history.staff(),
        history.services(),
        history.calendars());
  }

  /** the hour of the week of an instant, 0 (Monday 00:00–01:00 UTC) to 167 */
  static int hourOfWeek(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    return (utc.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + utc.getHour();
  }

  private static List<Arrivals> arrivals(History history) {
    int[] occurrences = new int[SimulationModel.HOURS_PER_WEEK];
    for (Instant hour = history.from().truncatedTo(ChronoUnit.HOURS);
        hour.isBefore(history.to());
        hour = hour.plus(Duration.ofHours(1))) {
      occurrences[hourOfWeek(hour)]++;
    }
    Map<String, Map<Priority, int[]>> counts = new HashMap<>();
    for (History.Arrival arrival : history.arrivals()) {
      counts.computeIfAbsent(arrival.serviceCode(), code -> new EnumMap<>(Priority.class))
          .computeIfAbsent(arrival.priority(), priority -> new int[SimulationModel.HOURS_PER_WEEK])
          [hourOfWeek(arrival.receivedAt())]++;
    }
    double hours = Math.max(1, Duration.between(history.from(), history.to()).toMinutes() / 60.0);
    List<Arrivals> arrivals = new ArrayList<>();
    counts.forEach(
        (service, byPriority) ->
            byPriority.forEach(
                (priority, perHour) -> {
                  int total = 0;
                  for (int count : perHour) {
                    total += count;
                  }
                  double average = total / hours;
                  double[] rates = new double[SimulationModel.HOURS_PER_WEEK];
                  for (int h = 0; h < rates.length; h++) {
                    rates[h] = occurrences[h] == 0 ? average : (double) perHour[h] / occurrences[h];
                  }
                  arrivals.add(new Arrivals(service, priority, rates));
                }));
    arrivals.sort(
        (a, b) -> a.serviceCode().equals(b.serviceCode())
            ? a.priority().compareTo(b.priority())
            : a.serviceCode().compareTo(b.serviceCode()));
    return arrivals;
  }

  private static Map<Step, Durations> durations(History history, SlaClock slaClock) {
    Map<Step, Map<String, List<Double>>> byKey = new EnumMap<>(Step.class);
    Map<Step, List<Double>> all = new EnumMap<>(Step.class);
    for (Pass pass : history.passes()) {
      Step step = Step.byId(pass.activityId()).orElse(null);
      // the confirmation's wait is the record's resolution to closure, below; its gateway takes no time
      if (step == null || step == Step.CONFIRMATION || pass.endedAt() == null) {
        continue;
      }
      double minutes = minutes(pass, step, history, slaClock);
      String key = step == Step.PLAN_DELIVERY ? pass.priority().name() : pass.serviceCode();
      byKey.computeIfAbsent(step, s -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(minutes);
      all.computeIfAbsent(step, s -> new ArrayList<>()).add(minutes);
    }
    for (Delivery delivery : history.deliveries()) {
      if (delivery.resolvedAt() != null) {
        double minutes = Duration.between(delivery.resolvedAt(), delivery.closedAt()).toSeconds() / 60.0;
        byKey.computeIfAbsent(Step.CONFIRMATION, s -> new HashMap<>())
            .computeIfAbsent(delivery.serviceCode(), k -> new ArrayList<>())
            .add(Math.max(0, minutes));
        all.computeIfAbsent(Step.CONFIRMATION, s -> new ArrayList<>()).add(Math.max(0, minutes));
      }
    }
    Map<Step, Durations> durations = new EnumMap<>(Step.class);
    for (Step step : Step.values()) {
      Map<String, double[]> keyed = new HashMap<>();
      byKey.getOrDefault(step, Map.of()).forEach((key, values) -> keyed.put(key, array(values)));
      durations.put(step, new Durations(keyed, array(all.getOrDefault(step, List.of())), 1.0));
    }
    return durations;
  }

  /** the execution in the working time of the person's calendar, everything else in wall-clock time */
  private static double minutes(Pass pass, Step step, History history, SlaClock slaClock) {
    Duration duration = Duration.between(pass.startedAt(), pass.endedAt());
    if (step == Step.EXECUTE && pass.assignee() != null) {
      BusinessCalendar calendar =
          history.staff().stream()
              .filter(member -> member.userId().equals(pass.assignee()))
              .map(StaffMember::workingCalendar)
              .map(code -> history.calendars().getOrDefault(code, BusinessCalendar.AROUND_THE_CLOCK))
              .findFirst()
              .orElse(BusinessCalendar.AROUND_THE_CLOCK);
      duration = slaClock.businessTimeBetween(pass.startedAt(), pass.endedAt(), calendar);
    }
    return Math.max(0, duration.toMillis() / 60_000.0);
  }

  private static Branches branches(History history) {
    Map<String, Integer> passes = new HashMap<>();
    history.passes().forEach(pass -> passes.merge(pass.activityId(), 1, Integer::sum));
    int executions = passes.getOrDefault(Step.EXECUTE.id(), 0);
    int reviews = passes.getOrDefault(Step.REVIEW_QUALITY.id(), 0);
    int resolutions = passes.getOrDefault(Elements.RESOLVE_REQUEST, 0);
    return new Branches(
        share(passes.getOrDefault(Step.WAIT_FOR_CUSTOMER.id(), 0), executions),
        share(passes.getOrDefault(Step.CORRECTIVE_ACTION.id(), 0), executions),
        share(passes.getOrDefault(Elements.REGISTER_REWORK, 0), reviews),
        share(passes.getOrDefault(Elements.REOPEN_REQUEST, 0), resolutions));
  }

  private static PlannedLead plannedLead(History history) {
    List<Double> leads = new ArrayList<>();
    int planned = 0;
    for (Delivery delivery : history.deliveries()) {
      if (delivery.plannedAt() != null) {
        planned++;
        if (delivery.plannedCompletionAt() != null) {
          leads.add(Math.max(0, Duration.between(delivery.plannedAt(), delivery.plannedCompletionAt()).toSeconds() / 60.0));
        }
      }
    }
    return planned == 0 ? PlannedLead.NONE : new PlannedLead((double) leads.size() / planned, array(leads));
  }

  /** a probability, at most 0.95 so that no loop runs forever */
  private static double share(int part, int whole) {
    return whole == 0 ? 0 : Math.min(0.95, (double) part / whole);
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }
}
