package io.servicedelivery.simulation;

import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulation model of the delivery, derived from the history of a period [from, to) by {@link ModelBuilder} or
 * built by hand in tests: a plain value, without a database behind it. A what-if question changes a copy
 * ({@link ModelChanges}).
 *
 * @param arrivals the arrival pattern of each service and priority
 * @param durations the duration samples of each step, in minutes
 * @param branches how often each branch of the process is taken
 * @param plannedLead how far after planning coordinators plan the completion: the samples (minutes) and the share of
 *     requests planned with a completion time at all (the others are judged on-time against their resolution due time)
 * @param staff the people of the resource pool
 * @param services the services: required skill and SLA targets
 * @param calendars the business calendars the SLA targets and the staff name, by code
 */
public record SimulationModel(
    Instant from,
    Instant to,
    List<Arrivals> arrivals,
    Map<Step, Durations> durations,
    Branches branches,
    PlannedLead plannedLead,
    List<StaffMember> staff,
    Map<String, ServiceTerms> services,
    Map<String, BusinessCalendar> calendars) {

  /** hours in a week: arrival rates are given per hour of the week, Monday 00:00–01:00 UTC first */
  public static final int HOURS_PER_WEEK = 168;

  public SimulationModel {
    arrivals = List.copyOf(arrivals);
    durations = Map.copyOf(durations);
    staff = List.copyOf(staff);
    services = Map.copyOf(services);
    calendars = Map.copyOf(calendars);
  }

  /**
   * Arrivals of one service and priority.
   *
   * @param ratePerHour the expected number of arrivals in each hour of the week (index 0: Monday 00:00 UTC)
   */
  public record Arrivals(String serviceCode, Priority priority, double[] ratePerHour) {

    public Arrivals {
      if (ratePerHour.length != HOURS_PER_WEEK) {
        throw new IllegalArgumentException("an arrival pattern has a rate for each of the 168 hours of a week");
      }
      ratePerHour = ratePerHour.clone();
    }

    /** the expected arrivals in a week */
    public double perWeek() {
      double sum = 0;
      for (double rate : ratePerHour) {
        sum += rate;
      }
      return sum;
    }
  }

  /**
   * The observed durations of a step in minutes, by key (the priority for {@link Step#PLAN_DELIVERY}, the service
   * code for the others) and of all keys together; a key with fewer than {@link #MIN_SAMPLES} observations uses all.
   * {@code factor} scales every duration (a what-if).
   */
  public record Durations(Map<String, double[]> byKey, double[] all, double factor) {

    public static final int MIN_SAMPLES = 5;

    public Durations {
      byKey = Map.copyOf(byKey);
      all = all.clone();
    }

    public static Durations of(double... minutes) {
      return new Durations(Map.of(), minutes, 1.0);
    }

    public double[] samples(String key) {
      double[] own = key == null ? null : byKey.get(key);
      return own != null && own.length >= MIN_SAMPLES ? own : all;
    }

    public Durations scaled(double by) {
      return new Durations(byKey, all, factor * by);
    }
  }

  /**
   * Per pass of the step before it: the probability of each branch.
   *
   * @param customerWait an execution pass ends by asking the customer; after the answer the execution goes on
   * @param correctiveAction an execution pass is followed by a corrective action of the operations managers
   * @param rework a quality review fails and sends the work back to execution
   * @param reopen the customer objects to a resolved delivery and it is executed again
   */
  public record Branches(double customerWait, double correctiveAction, double rework, double reopen) {

    public static final Branches NONE = new Branches(0, 0, 0, 0);

    public Branches withRework(double rate) {
      return new Branches(customerWait, correctiveAction, rate, reopen);
    }
  }

  /** see {@link SimulationModel#plannedLead()} */
  public record PlannedLead(double share, double[] minutes) {

    public static final PlannedLead NONE = new PlannedLead(0, new double[0]);

    public PlannedLead {
      minutes = minutes.clone();
    }
  }

  /** A person of the pool, with the skills they can be allocated for, and when they are away. */
  public record StaffMember(
      String userId, Set<String> skills, int capacity, String workingCalendar, List<Interval> absences) {

    public StaffMember {
      skills = Set.copyOf(skills);
      absences = List.copyOf(absences);
    }

    public StaffMember(String userId, Set<String> skills, int capacity, String workingCalendar) {
      this(userId, skills, capacity, workingCalendar, List.of());
    }
  }

  /** [from, to) */
  public record Interval(Instant from, Instant to) {}

  /** What the catalog promises for a service: the skill it needs, and the SLA target of each priority. */
  public record ServiceTerms(String code, String requiredSkill, Map<Priority, SlaTarget> targets) {

    public ServiceTerms {
      targets = Map.copyOf(targets);
    }
  }

  public Optional<StaffMember> staffMember(String userId) {
    return staff.stream().filter(member -> member.userId().equals(userId)).findFirst();
  }

  public BusinessCalendar calendar(String code) {
    BusinessCalendar calendar = calendars.get(code);
    return calendar != null ? calendar : BusinessCalendar.AROUND_THE_CLOCK;
  }

  /** the expected arrivals per week, of all services and priorities */
  public double arrivalsPerWeek() {
    return arrivals.stream().mapToDouble(Arrivals::perWeek).sum();
  }
}
