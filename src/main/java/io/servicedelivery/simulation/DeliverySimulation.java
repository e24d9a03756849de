package io.servicedelivery.simulation;

import io.servicedelivery.simulation.SimulationModel.Arrivals;
import io.servicedelivery.simulation.SimulationModel.Branches;
import io.servicedelivery.simulation.SimulationModel.Durations;
import io.servicedelivery.simulation.SimulationModel.Interval;
import io.servicedelivery.simulation.SimulationModel.ServiceTerms;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import umontreal.ssj.probdist.EmpiricalDist;
import umontreal.ssj.randvar.PoissonGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * One replication of a period with SSJ's event scheduling: a {@link Simulator} of its own (so replications run in
 * parallel), time in minutes from the start of the warm-up. The warm-up, as long as the period but at most {@link
 * #MAX_WARM_UP}, runs the same arrival pattern before the period so that it starts with work in progress, as a real
 * period does; the figures count only what happens in the period.
 *
 * <p>A request arrives (non-homogeneous Poisson arrivals per hour of the week), is planned (a delay), waits for a
 * person with the service's skill who is not away and has a free unit of capacity (by priority, then first come),
 * who executes it in their working time; after an execution pass the customer may be asked (a wait that pauses the
 * SLA, then another pass) or the managers take corrective action (a delay); then the capacity is released, the
 * quality review may send it back (rework: to the same person when free), and after the resolution the customer
 * confirms (a delay) or objects (executed again). Response and resolution are judged against the SLA target in its
 * calendar's working time, as the product does.
 */
public final class DeliverySimulation {

  public static final Duration MAX_WARM_UP = Duration.ofDays(7);

  /** random streams per replication: arrivals, durations, branches */
  private static final int STREAMS = 3;

  private static final Object STREAM_CREATION = new Object();

  private final SimulationModel model;
  private final SlaClock slaClock;

  public DeliverySimulation(SimulationModel model, SlaClock slaClock) {
    this.model = model;
    this.slaClock = slaClock;
  }

  /**
   * @param seed the seed of the random streams; the same seed and replication give the same result, and a changed
   *     model simulated with them meets the same random numbers (common random numbers)
   * @param replication 0, 1, ...: each has its own substreams
   */
  public ReplicationResult run(long seed, int replication) {
    return new Run(seed, replication).result();
  }

  static RandomStream stream(long seed, int replication, int purpose) {
    MRG32k3a stream;
    synchronized (STREAM_CREATION) {
      // the constructor advances the package's static seed: not thread-safe; the seed is set right after anyway
      stream = new MRG32k3a();
    }
    long m1 = 4294967087L;
    long m2 = 4294944443L;
    long a = Math.floorMod(seed, m1);
    long b = Math.floorMod(seed / 7 + 1, m2);
    stream.setSeed(new long[] {a, 12345, 12345, b, 12345, 12345});
    for (int i = 0; i < replication * STREAMS + purpose; i++) {
      stream.resetNextSubstream();
    }
    return stream;
  }

  private final class Run {

    private final Simulator sim = new Simulator();
    private final RandomStream arrivalStream;
    private final RandomStream durationStream;
    private final RandomStream branchStream;
    private final Instant origin;
    private final double periodStart;
    private final double periodEnd;
    private final Map<String, Staff> staff = new TreeMap<>();
    private final Map<String, PriorityQueue<Request>> queues = new HashMap<>();
    private final Map<Step, Map<String, EmpiricalDist>> distributions = new EnumMap<>(Step.class);
    private long sequence;
    private int arrivals;
    private int delivered;
    private int onTime;
    private int responseMet;
    private int resolutionMet;
    private double cycleHours;
    private double waitHours;

    Run(long seed, int replication) {
      arrivalStream = stream(seed, replication, 0);
      durationStream = stream(seed, replication, 1);
      branchStream = stream(seed, replication, 2);
      Duration period = Duration.between(model.from(), model.to());
      Duration warmUp = period.compareTo(MAX_WARM_UP) < 0 ? period : MAX_WARM_UP;
      origin = model.from().minus(warmUp);
      periodStart = minutes(warmUp);
      periodEnd = periodStart + minutes(period);
      for (StaffMember member : model.staff()) {
        staff.put(member.userId(), new Staff(member, calendar(member.workingCalendar())));
      }
    }

    ReplicationResult result() {
      sim.init();
      after(0, () -> arrivalsOfHour(0));
      for (Staff person : staff.values()) {
        for (Interval absence : person.member.absences()) {
          double end = at(absence.to());
          if (end > 0 && end < periodEnd) {
            after(end, () -> person.member.skills().forEach(this::dispatch));
          }
        }
      }
      after(periodEnd, sim::stop);
      sim.start();
      Map<String, Double> byResource = new TreeMap<>();
      Map<String, double[]> bySkill = new TreeMap<>();
      double held = 0;
      double capacity = 0;
      for (Staff person : staff.values()) {
        person.account(periodEnd);
        double available = person.member.capacity() * (periodEnd - periodStart);
        byResource.put(person.member.userId(), person.heldArea / available);
        held += person.heldArea;
        capacity += available;
        for (String skill : person.member.skills()) {
          double[] sums = bySkill.computeIfAbsent(skill, s -> new double[2]);
          sums[0] += person.heldArea;
          sums[1] += available;
        }
      }
      Map<String, Double> skills = new TreeMap<>();
      bySkill.forEach((skill, sums) -> skills.put(skill, sums[0] / sums[1]));
      return new ReplicationResult(
          arrivals,
          delivered,
          onTime,
          responseMet,
          resolutionMet,
          cycleHours,
          waitHours,
          capacity == 0 ? 0 : held / capacity,
          byResource,
          skills);
    }

    // --- events

    private void arrivalsOfHour(int hour) {
      double start = hour * 60.0;
      if (start >= periodEnd) {
        return;
      }
      int hourOfWeek = ModelBuilder.hourOfWeek(instant(start + 30));
      for (Arrivals pattern : model.arrivals()) {
        double rate = pattern.ratePerHour()[hourOfWeek];
        int count = rate > 0 ? PoissonGen.nextInt(arrivalStream, rate) : 0;
        for (int i = 0; i < count; i++) {
          double time = start + 60 * arrivalStream.nextDouble();
          if (time < periodEnd) {
            after(time - sim.time(), () -> arrive(pattern.serviceCode(), pattern.priority()));
          }
        }
      }
      after(start + 60 - sim.time(), () -> arrivalsOfHour(hour + 1));
    }

    private void arrive(String serviceCode, Priority priority) {
      Request request = new Request(sequence++, serviceCode, priority, sim.time());
      if (request.receivedAt >= periodStart) {
        arrivals++;
      }
      after(duration(Step.PLAN_DELIVERY, priority.name()), () -> planned(request));
    }

    private void planned(Request request) {
      request.plannedAt = sim.time();
      if (model.plannedLead().minutes().length > 0 && branchStream.nextDouble() < model.plannedLead().share()) {
        double[] leads = model.plannedLead().minutes();
        request.plannedCompletion = request.plannedAt + leads[(int) (branchStream.nextDouble() * leads.length)];
      }
      queue(request);
    }

    private void queue(Request request) {
      request.queuedAt = sim.time();
      String skill = skillOf(request);
      queues.computeIfAbsent(skill, s -> new PriorityQueue<>(Request.ORDER)).add(request);
      dispatch(skill);
    }

    /** gives the waiting requests of the skill to the people who have it and can take one now */
    private void dispatch(String skill) {
      PriorityQueue<Request> queue = queues.get(skill);
      while (queue != null && !queue.isEmpty()) {
        Request next = queue.peek();
        Staff person = choose(skill, next.lastStaff);
        if (person == null) {
          return;
        }
        queue.poll();
        start(next, person);
      }
    }

    private Staff choose(String skill, Staff preferred) {
      Instant now = instant(sim.time());
      if (preferred != null && preferred.canTake(skill, now)) {
        return preferred;
      }
      Staff best = null;
      for (Staff person : staff.values()) {
        if (person.canTake(skill, now) && (best == null || person.free() > best.free())) {
          best = person;
        }
      }
      return best;
    }

    private void start(Request request, Staff person) {
      if (request.lastStaff == null) {
        // the wait for the first person after planning, as the actual figure measures it (to the first reservation)
        request.waitMinutes = sim.time() - request.queuedAt;
      }
      request.lastStaff = person;
      person.take(sim.time());
      execute(request, person);
    }

    private void execute(Request request, Staff person) {
      double work = duration(Step.EXECUTE, request.serviceCode);
      Instant begin = instant(sim.time());
      Instant end = slaClock.addBusinessTime(begin, Duration.ofNanos((long) (work * 60e9)), person.calendar);
      after(at(end) - sim.time(), () -> executed(request, person));
    }

    private void executed(Request request, Staff person) {
      Branches branches = model.branches();
      if (branchStream.nextDouble() < branches.customerWait()) {
        double askedAt = sim.time();
        after(duration(Step.WAIT_FOR_CUSTOMER, request.serviceCode), () -> {
          request.paused = request.paused.plus(
              slaClock.businessTimeBetween(instant(askedAt), instant(sim.time()), resolutionCalendar(request)));
          execute(request, person);
        });
      } else if (branchStream.nextDouble() < branches.correctiveAction()) {
        after(duration(Step.CORRECTIVE_ACTION, request.serviceCode), () -> completed(request, person));
      } else {
        completed(request, person);
      }
    }

    private void completed(Request request, Staff person) {
      person.release(sim.time());
      person.member.skills().forEach(this::dispatch);
      after(duration(Step.REVIEW_QUALITY, request.serviceCode), () -> reviewed(request));
    }

    private void reviewed(Request request) {
      if (branchStream.nextDouble() < model.branches().rework()) {
        queue(request);
        return;
      }
      request.resolvedAt = sim.time();
      if (branchStream.nextDouble() < model.branches().reopen()) {
        after(duration(Step.CONFIRMATION, request.serviceCode), () -> queue(request));
        return;
      }
      after(duration(Step.CONFIRMATION, request.serviceCode), () -> closed(request));
    }

    private void closed(Request request) {
      double closedAt = sim.time();
      if (closedAt < periodStart || closedAt >= periodEnd) {
        return;
      }
      delivered++;
      cycleHours += (closedAt - request.receivedAt) / 60;
      waitHours += request.waitMinutes / 60;
      SlaTarget target = target(request);
      Instant received = instant(request.receivedAt);
      Instant resolved = instant(request.resolvedAt);
      Instant resolutionDue = null;
      if (target != null) {
        Instant responseDue =
            slaClock.addBusinessTime(received, target.response(), calendar(target.responseCalendar()));
        BusinessCalendar resolutionCalendar = calendar(target.resolutionCalendar());
        resolutionDue = slaClock.addBusinessTime(received, target.resolution(), resolutionCalendar);
        if (!request.paused.isZero()) {
          resolutionDue = slaClock.addBusinessTime(resolutionDue, request.paused, resolutionCalendar);
        }
        if (!instant(request.plannedAt).isAfter(responseDue)) {
          responseMet++;
        }
        if (!resolved.isAfter(resolutionDue)) {
          resolutionMet++;
        }
      }
      if (request.plannedCompletion != null) {
        if (request.resolvedAt <= request.plannedCompletion) {
          onTime++;
        }
      } else if (resolutionDue != null && !resolved.isAfter(resolutionDue)) {
        onTime++;
      }
    }

    // --- helpers

    private void after(double delay, Runnable action) {
      new Event(sim) {
        @Override
        public void actions() {
          action.run();
        }
      }.schedule(Math.max(0, delay));
    }

    private double duration(Step step, String key) {
      Durations durations = model.durations().get(step);
      if (durations == null) {
        return 0;
      }
      double[] samples = durations.samples(key);
      double u = durationStream.nextDouble();
      if (samples.length == 0) {
        return 0;
      }
      if (samples.length == 1) {
        // EmpiricalDist needs two observations; one is a fixed duration
        return samples[0] * durations.factor();
      }
      EmpiricalDist distribution =
          distributions
              .computeIfAbsent(step, s -> new HashMap<>())
              .computeIfAbsent(samples == durations.all() ? "" : key, k -> new EmpiricalDist(samples));
      return distribution.inverseF(u) * durations.factor();
    }

    private String skillOf(Request request) {
      ServiceTerms terms = model.services().get(request.serviceCode);
      return terms == null ? "" : terms.requiredSkill();
    }

    private SlaTarget target(Request request) {
      ServiceTerms terms = model.services().get(request.serviceCode);
      return terms == null ? null : terms.targets().get(request.priority);
    }

    private BusinessCalendar resolutionCalendar(Request request) {
      SlaTarget target = target(request);
      return target == null ? BusinessCalendar.AROUND_THE_CLOCK : calendar(target.resolutionCalendar());
    }

    private BusinessCalendar calendar(String code) {
      BusinessCalendar calendar = model.calendar(code);
      return calendar.twentyFourSeven() || calendar.hasWorkingTime() ? calendar : BusinessCalendar.AROUND_THE_CLOCK;
    }

    private Instant instant(double minutes) {
      return origin.plusNanos((long) (minutes * 60e9));
    }

    private double at(Instant instant) {
      return minutes(Duration.between(origin, instant));
    }

    private static double minutes(Duration duration) {
      return duration.toNanos() / 60e9;
    }

    private final class Request {
      static final Comparator<Request> ORDER =
          Comparator.comparing((Request request) -> request.priority)
              .thenComparingDouble(request -> request.queuedAt)
              .thenComparingLong(request -> request.sequence);

      final long sequence;
      final String serviceCode;
      final Priority priority;
      final double receivedAt;
      double plannedAt;
      Double plannedCompletion;
      double queuedAt;
      double waitMinutes;
      double resolvedAt;
      Duration paused = Duration.ZERO;
      Staff lastStaff;

      Request(long sequence, String serviceCode, Priority priority, double receivedAt) {
        this.sequence = sequence;
        this.serviceCode = serviceCode;
        this.priority = priority;
        this.receivedAt = receivedAt;
      }
    }

    /** a person: how many units of capacity requests hold, and the held units integrated over the period */
    private final class Staff {
      final StaffMember member;
      final BusinessCalendar calendar;
      int held;
      double accountedTo;
      double heldArea;

      Staff(StaffMember member, BusinessCalendar calendar) {
        this.member = member;
        this.calendar = calendar;
      }

      int free() {
        return member.capacity() - held;
      }

      boolean canTake(String skill, Instant now) {
        return free() > 0 && member.skills().contains(skill) && !absentAt(now);
      }

      boolean absentAt(Instant now) {
        for (Interval absence : member.absences()) {
          if (!now.isBefore(absence.from()) && now.isBefore(absence.to())) {
            return true;
          }
        }
        return false;
      }

      void take(double now) {
        account(now);
        held++;
      }

      void release(double now) {
        account(now);
        held--;
      }

      void account(double now) {
        double from = Math.max(accountedTo, periodStart);
        double to = Math.min(now, periodEnd);
        if (to > from) {
          heldArea += held * (to - from);
        }
        accountedTo = Math.max(accountedTo, now);
      }
    }
  }
}
