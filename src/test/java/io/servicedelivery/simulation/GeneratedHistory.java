package io.servicedelivery.simulation;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Elements;
import io.servicedelivery.simulation.ActualFigures.Actual;
import io.servicedelivery.simulation.History.Arrival;
import io.servicedelivery.simulation.History.Delivery;
import io.servicedelivery.simulation.History.Pass;
import io.servicedelivery.simulation.SimulationModel.ServiceTerms;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A period of a desk generated request by request, independently of the simulator, with outcomes known by
 * construction: requests arrive at random (more in the day than at night, two services, two priorities), every
 * step takes one of a few durations, one review in five fails (rework), and the pool is large enough that nobody
 * waits for a person. The history starts a week before the period, as a real desk's does, and the actual figures are
 * counted here exactly as {@link ActualFigures} counts them from the database.
 */
final class GeneratedHistory {

  static final Instant FROM = Instant.parse("2026-05-04T00:00:00Z");
  static final Instant TO = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant START = FROM.minus(Duration.ofDays(7));
  private static final int STAFF = 6;
  private static final int CAPACITY = 3;
  private static final int[] PLAN = {20, 40, 60, 90};
  private static final int[] EXECUTE = {60, 120, 180, 240};
  private static final int[] REVIEW = {30, 60};
  private static final int[] CONFIRMATION = {120, 240, 480};
  private static final int[] LEAD = {240, 360, 480};
  private static final double REWORK = 0.2;

  final History history;
  final Actual actual;

  private GeneratedHistory(History history, Actual actual) {
    this.history = history;
    this.actual = actual;
  }

  static GeneratedHistory generate(long seed) {
    Random random = new Random(seed);
    List<Arrival> arrivals = new ArrayList<>();
    List<Pass> passes = new ArrayList<>();
    List<Delivery> deliveries = new ArrayList<>();
    Map<String, Double> held = new HashMap<>();
    int delivered = 0;
    int onTime = 0;
    int responseMet = 0;
    int resolutionMet = 0;
    double cycleHours = 0;
    int person = 0;
    for (Instant hour = START; hour.isBefore(TO); hour = hour.plus(Duration.ofHours(1))) {
      int hourOfDay = hour.atZone(java.time.ZoneOffset.UTC).getHour();
      int count = poisson(random, hourOfDay >= 8 && hourOfDay < 18 ? 1.2 : 0.3);
      for (int i = 0; i < count; i++) {
        Instant received = hour.plusSeconds(random.nextInt(3600));
        String service = random.nextBoolean() ? "NETWORK_ACCESS" : "SOFTWARE_INSTALLATION";
        Priority priority = random.nextInt(4) == 0 ? Priority.HIGH : Priority.MEDIUM;
        String assignee = "staff" + (person++ % STAFF + 1);
        if (in(received)) {
          arrivals.add(new Arrival(received, service, priority));
        }
        Instant planned = received.plus(minutes(pick(random, PLAN)));
        pass(passes, Elements.PLAN_DELIVERY, service, priority, received, planned, null);
        Instant plannedCompletion = planned.plus(minutes(pick(random, LEAD)));
        Instant at = planned;
        Instant resolved;
        while (true) {
          Instant executed = at.plus(minutes(pick(random, EXECUTE)));
          pass(passes, Elements.EXECUTE_SERVICE_ACTIVITIES, service, priority, at, executed, assignee);
          held.merge(assignee, overlapMinutes(at, executed), Double::sum);
          Instant reviewed = executed.plus(minutes(pick(random, REVIEW)));
          pass(passes, "Task_ReviewQuality", service, priority, executed, reviewed, null);
          at = reviewed;
          if (random.nextDouble() < REWORK) {
            pass(passes, Elements.REGISTER_REWORK, service, priority, reviewed, reviewed, null);
            continue;
          }
          pass(passes, Elements.RESOLVE_REQUEST, service, priority, reviewed, reviewed, null);
          resolved = reviewed;
          break;
        }
        Instant closed = resolved.plus(minutes(pick(random, CONFIRMATION)));
        if (in(closed)) {
          deliveries.add(new Delivery("SR-" + arrivals.size(), service, priority, received, planned, plannedCompletion, resolved, closed));
          delivered++;
          SlaTarget target = targets(service).get(priority);
          responseMet += !planned.isAfter(received.plus(target.response())) ? 1 : 0;
          resolutionMet += !resolved.isAfter(received.plus(target.resolution())) ? 1 : 0;
          onTime += !resolved.isAfter(plannedCompletion) ? 1 : 0;
          cycleHours += Duration.between(received, closed).toSeconds() / 3600.0;
        }
      }
    }
    List<StaffMember> staff = new ArrayList<>();
    for (int i = 1; i <= STAFF; i++) {
      staff.add(new StaffMember("staff" + i, Set.of("network", "software"), CAPACITY,
          BusinessCalendar.TWENTY_FOUR_SEVEN));
    }
    Map<String, ServiceTerms> services = Map.of(
        "NETWORK_ACCESS", new ServiceTerms("NETWORK_ACCESS", "network", targets("NETWORK_ACCESS")),
        "SOFTWARE_INSTALLATION",
        new ServiceTerms("SOFTWARE_INSTALLATION", "software", targets("SOFTWARE_INSTALLATION")));
    History history = new History(FROM, TO, arrivals, passes, deliveries, staff, services,
        Map.of(BusinessCalendar.TWENTY_FOUR_SEVEN, BusinessCalendar.AROUND_THE_CLOCK));

    double capacityMinutes = STAFF * CAPACITY * Duration.between(FROM, TO).toMinutes();
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    figures.put(Figure.ON_TIME_DELIVERY, 100.0 * onTime / delivered);
    figures.put(Figure.RESPONSE_SLA_COMPLIANCE, 100.0 * responseMet / delivered);
    figures.put(Figure.RESOLUTION_SLA_COMPLIANCE, 100.0 * resolutionMet / delivered);
    figures.put(Figure.AVERAGE_CYCLE_TIME, cycleHours / delivered);
    figures.put(Figure.AVERAGE_WAIT_FOR_STAFF, 0.0);
    figures.put(Figure.UTILISATION,
        100 * held.values().stream().mapToDouble(Double::doubleValue).sum() / capacityMinutes);
    figures.put(Figure.REQUESTS_DELIVERED, (double) delivered);
    figures.put(Figure.REQUESTS_ARRIVED, (double) arrivals.size());
    return new GeneratedHistory(history, new Actual(figures, Map.of(), Map.of()));
  }

  /**
   * A busy desk: {@code people} with capacity 1 each, one priority (MEDIUM), no rework, about 1.2 requests an hour by
   * day and 0.3 by night each holding a person for 1 to 4 hours, so that requests queue by day. Each request, in the
   * order of arrival, takes the first person to become free (first come, first served) and waits for them.
   */
  static GeneratedHistory busy(long seed, int people) {
    Random random = new Random(seed);
    List<Arrival> arrivals = new ArrayList<>();
    List<Pass> passes = new ArrayList<>();
    List<Delivery> deliveries = new ArrayList<>();
    Instant[] freeAt = new Instant[people];
    java.util.Arrays.fill(freeAt, START);
    double[] heldMinutes = new double[people];
    int delivered = 0;
    int onTime = 0;
    int responseMet = 0;
    int resolutionMet = 0;
    double cycleHours = 0;
    double waitHours = 0;
    List<Instant> receipts = new ArrayList<>();
    for (Instant hour = START; hour.isBefore(TO); hour = hour.plus(Duration.ofHours(1))) {
      int hourOfDay = hour.atZone(java.time.ZoneOffset.UTC).getHour();
      int count = poisson(random, hourOfDay >= 8 && hourOfDay < 18 ? 1.2 : 0.3);
      List<Instant> inHour = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        inHour.add(hour.plusSeconds(random.nextInt(3600)));
      }
      inHour.sort(null);
      receipts.addAll(inHour);
    }
    // planned in the order of arrival plus the planning time: persons are taken in the order of being planned
    record Planned(Instant received, Instant planned, String service) {}
    List<Planned> plans = new ArrayList<>();
    for (Instant received : receipts) {
      String service = random.nextBoolean() ? "NETWORK_ACCESS" : "SOFTWARE_INSTALLATION";
      if (in(received)) {
        arrivals.add(new Arrival(received, service, Priority.MEDIUM));
      }
      Instant planned = received.plus(minutes(pick(random, PLAN)));
      pass(passes, Elements.PLAN_DELIVERY, service, Priority.MEDIUM, received, planned, null);
      plans.add(new Planned(received, planned, service));
    }
    plans.sort(java.util.Comparator.comparing(Planned::planned));
    for (Planned plan : plans) {
      int unit = 0;
      for (int u = 1; u < people; u++) {
        if (freeAt[u].isBefore(freeAt[unit])) {
          unit = u;
        }
      }
      Instant start = freeAt[unit].isAfter(plan.planned()) ? freeAt[unit] : plan.planned();
      Instant executed = start.plus(minutes(pick(random, EXECUTE)));
      freeAt[unit] = executed;
      String assignee = "staff" + (unit + 1);
      pass(passes, Elements.EXECUTE_SERVICE_ACTIVITIES, plan.service(), Priority.MEDIUM, start, executed, assignee);
      heldMinutes[unit] += overlapMinutes(start, executed);
      Instant resolved = executed.plus(minutes(pick(random, REVIEW)));
      pass(passes, "Task_ReviewQuality", plan.service(), Priority.MEDIUM, executed, resolved, null);
      pass(passes, Elements.RESOLVE_REQUEST, plan.service(), Priority.MEDIUM, resolved, resolved, null);
      Instant plannedCompletion = plan.planned().plus(minutes(pick(random, LEAD)));
      Instant closed = resolved.plus(minutes(pick(random, CONFIRMATION)));
      if (in(closed)) {
        deliveries.add(new Delivery("SR-" + deliveries.size(), plan.service(), Priority.MEDIUM, plan.received(),
            plan.planned(), plannedCompletion, resolved, closed));
        delivered++;
        SlaTarget target = targets(plan.service()).get(Priority.MEDIUM);
        responseMet += !plan.planned().isAfter(plan.received().plus(target.response())) ? 1 : 0;
        resolutionMet += !resolved.isAfter(plan.received().plus(target.resolution())) ? 1 : 0;
        onTime += !resolved.isAfter(plannedCompletion) ? 1 : 0;
        cycleHours += Duration.between(plan.received(), closed).toSeconds() / 3600.0;
        waitHours += Duration.between(plan.planned(), start).toSeconds() / 3600.0;
      }
    }
    List<StaffMember> staff = new ArrayList<>();
    for (int i = 1; i <= people; i++) {
      staff.add(new StaffMember("staff" + i, Set.of("network", "software"), 1, BusinessCalendar.TWENTY_FOUR_SEVEN));
    }
    History history = new History(FROM, TO, arrivals, passes, deliveries, staff, services(),
        Map.of(BusinessCalendar.TWENTY_FOUR_SEVEN, BusinessCalendar.AROUND_THE_CLOCK));
    double capacityMinutes = people * Duration.between(FROM, TO).toMinutes();
    Map<Figure, Double> figures = new EnumMap<>(Figure.class);
    figures.put(Figure.ON_TIME_DELIVERY, 100.0 * onTime / delivered);
    figures.put(Figure.RESPONSE_SLA_COMPLIANCE, 100.0 * responseMet / delivered);
    figures.put(Figure.RESOLUTION_SLA_COMPLIANCE, 100.0 * resolutionMet / delivered);
    figures.put(Figure.AVERAGE_CYCLE_TIME, cycleHours / delivered);
    figures.put(Figure.AVERAGE_WAIT_FOR_STAFF, waitHours / delivered);
    figures.put(Figure.UTILISATION, 100 * java.util.Arrays.stream(heldMinutes).sum() / capacityMinutes);
    figures.put(Figure.REQUESTS_DELIVERED, (double) delivered);
    figures.put(Figure.REQUESTS_ARRIVED, (double) arrivals.size());
    return new GeneratedHistory(history, new Actual(figures, Map.of(), Map.of()));
  }

  private static Map<String, ServiceTerms> services() {
    return Map.of(
        "NETWORK_ACCESS", new ServiceTerms("NETWORK_ACCESS", "network", targets("NETWORK_ACCESS")),
        "SOFTWARE_INSTALLATION",
        new ServiceTerms("SOFTWARE_INSTALLATION", "software", targets("SOFTWARE_INSTALLATION")));
  }

  /** response 4 h, resolution 12 h at HIGH; 8 h and 24 h at MEDIUM; around the clock */
  static Map<Priority, SlaTarget> targets(String service) {
    Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
    targets.put(Priority.HIGH, new SlaTarget(Priority.HIGH, 60, 360));
    targets.put(Priority.MEDIUM, new SlaTarget(Priority.MEDIUM, 60, 720));
    return targets;
  }

  private static void pass(List<Pass> passes, String activity, String service, Priority priority, Instant start,
      Instant end, String assignee) {
    if (in(end)) {
      passes.add(new Pass(activity, service, priority, start, end, assignee));
    }
  }

  private static boolean in(Instant instant) {
    return !instant.isBefore(FROM) && instant.isBefore(TO);
  }

  private static double overlapMinutes(Instant start, Instant end) {
    Instant from = start.isBefore(FROM) ? FROM : start;
    Instant to = end.isAfter(TO) ? TO : end;
    return to.isAfter(from) ? Duration.between(from, to).toSeconds() / 60.0 : 0;
  }

  private static Duration minutes(int minutes) {
    return Duration.ofMinutes(minutes);
  }

  private static int pick(Random random, int[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Knuth's method: fine for small rates */
  private static int poisson(Random random, double rate) {
    double limit = Math.exp(-rate);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
