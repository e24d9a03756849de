package io.servicedelivery.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.simulation.DeliverySimulation;
import io.servicedelivery.simulation.Figure;
import io.servicedelivery.simulation.ReplicationResult;
import io.servicedelivery.simulation.SimulationModel;
import io.servicedelivery.simulation.SimulationModel.Arrivals;
import io.servicedelivery.simulation.SimulationModel.Branches;
import io.servicedelivery.simulation.SimulationModel.Durations;
import io.servicedelivery.simulation.SimulationModel.PlannedLead;
import io.servicedelivery.simulation.SimulationModel.ServiceTerms;
import io.servicedelivery.simulation.SimulationModel.StaffMember;
import io.servicedelivery.simulation.Step;
import io.servicedelivery.sla.BusinessCalendar;
import io.servicedelivery.sla.BusinessCalendar.WorkingHours;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaTarget;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * How long the what-if simulation takes for a month of a busy desk: four weeks with 10,000 requests (five services,
 * four priorities, more by day than by night; 40 people with two units of capacity; MEDIUM and LOW SLA in office
 * hours as the catalog has them), against a bare SSJ queue with as many arrivals in the same run (the cost of the
 * event scheduling itself). {@code ./mvnw -B -o -Pbenchmark test -Dtest=SimulationBenchmark}; the report goes to
 * {@code target/benchmark/simulation.md}. Asserts only that the requests were simulated, never a time.
 */
class SimulationBenchmark {

  private static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
  private static final Instant TO = FROM.plus(Duration.ofDays(28));
  private static final int REQUESTS = Integer.getInteger("benchmark.requests", 10_000);
  private static final int ROUNDS = 5;
  private static final int WARM_UP = 10;
  private static final SlaClock SLA_CLOCK = new SlaClock(Clock.fixed(FROM, ZoneOffset.UTC));

  @Test
  void aMonthOfABusyDesk() throws Exception {
    SimulationModel model = busyDesk();
    DeliverySimulation simulation = new DeliverySimulation(model, SLA_CLOCK);
    int processors = Runtime.getRuntime().availableProcessors();

    // warm-up of the JIT: the first replications run several times slower than the later ones
    for (int i = 0; i < WARM_UP; i++) {
      simulation.run(99, i);
      bareQueue(REQUESTS, 99 + i);
    }

    long[] bare = new long[ROUNDS];
    long[] one = new long[ROUNDS];
    ReplicationResult result = null;
    int bareServed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      bareServed = bareQueue(REQUESTS, round);
      bare[round] = System.nanoTime() - start;
      start = System.nanoTime();
      result = simulation.run(1, round);
      one[round] = System.nanoTime() - start;
    }
    int replications = 10;
    ExecutorService threads = Executors.newFixedThreadPool(processors);
    long[] ten = new long[3];
    try {
      for (int round = 0; round < ten.length; round++) {
        long start = System.nanoTime();
        List<Future<ReplicationResult>> runs = new ArrayList<>();
        for (int replication = 0; replication < replications; replication++) {
          int r = replication;
          runs.add(threads.submit(() -> simulation.run(2, r)));
        }
        for (Future<ReplicationResult> run : runs) {
          assertThat(run.get().arrivals()).isPositive();
        }
        ten[round] = System.nanoTime() - start;
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(result.arrivals()).isBetween(REQUESTS * 9 / 10, REQUESTS * 11 / 10);
    assertThat(bareServed).isPositive();

    double bareMs = median(bare) / 1e6;
    double oneMs = median(one) / 1e6;
    double tenMs = median(ten) / 1e6;
    String report = String.format(Locale.ROOT,
        """
        # What-if simulation: a month of a busy desk

        %s

        Four weeks with %,d requests (%,d arrived in the measured replication, %,d delivered in the period, %d people
        with two units of capacity, utilisation %.1f%%, average cycle time %.1f h). Median of %d rounds after a
        warm-up of %d; the baseline is a bare SSJ queue (exponential arrivals and services, %d servers) with as many
        arrivals in the same run: what the event scheduling itself costs.

        | run | median | ratio to the bare queue | requests per second |
        |---|---:|---:|---:|
        | bare SSJ queue, %,d arrivals | %.0f ms | 1.0 | %,.0f |
        | one replication of the delivery model | %.0f ms | %.1f | %,.0f |
        | %d replications on %d threads (one what-if side) | %.0f ms | %.1f | %,.0f |

        A what-if question simulates the baseline and the changed model: about twice the last line, plus the reading
        of the history (a few statements).
        """,
        setup(), REQUESTS, result.arrivals(), result.delivered(), model.staff().size(),
        result.value(Figure.UTILISATION), result.value(Figure.AVERAGE_CYCLE_TIME), ROUNDS, WARM_UP, model.staff().size() * 2,
        REQUESTS, bareMs, REQUESTS / (bareMs / 1000),
        oneMs, oneMs / bareMs, result.arrivals() / (oneMs / 1000),
        replications, processors, tenMs, tenMs / bareMs, replications * result.arrivals() / (tenMs / 1000));
    Reports.write("simulation.md", report);
  }

  private static String setup() {
    return String.format(Locale.ROOT,
        "%s on %d processors, Java %s with at most %d MB heap. Other builds may have shared the machine: compare the "
            + "ratios, not the absolute figures.",
        java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  /** an M/M/c queue in SSJ with the same number of arrivals: arrival and departure events only */
  private static int bareQueue(int arrivals, int seed) {
    Simulator sim = new Simulator();
    MRG32k3a stream = new MRG32k3a();
    for (int i = 0; i < seed; i++) {
      stream.resetNextSubstream();
    }
    int servers = 80;
    double minutes = Duration.between(FROM, TO).toMinutes();
    double interArrival = minutes / arrivals;
    double service = 180;
    int[] state = new int[3]; // busy, waiting, served
    sim.init();
    class Departure extends Event {
      Departure(Simulator simulator) {
        super(simulator);
      }

      @Override
      public void actions() {
        state[2]++;
        if (state[1] > 0) {
          state[1]--;
          new Departure(sim).schedule(ExponentialGen.nextDouble(stream, 1 / service));
        } else {
          state[0]--;
        }
      }
    }
    class Arrival extends Event {
      Arrival(Simulator simulator) {
        super(simulator);
      }

      @Override
      public void actions() {
        new Arrival(sim).schedule(ExponentialGen.nextDouble(stream, 1 / interArrival));
        if (state[0] < servers) {
          state[0]++;
          new Departure(sim).schedule(ExponentialGen.nextDouble(stream, 1 / service));
        } else {
          state[1]++;
        }
      }
    }
    new Event(sim) {
      @Override
      public void actions() {
        sim.stop();
      }
    }.schedule(minutes);
    new Arrival(sim).schedule(ExponentialGen.nextDouble(stream, 1 / interArrival));
    sim.start();
    return state[2];
  }

  private static SimulationModel busyDesk() {
    List<String> services =
        List.of("LAPTOP_PROVISIONING", "NETWORK_ACCESS", "ONSITE_REPAIR", "SOFTWARE_INSTALLATION", "DATA_RECOVERY");
    List<String> skills = List.of("hardware", "network", "hardware", "software", "storage");
    double perWeek = REQUESTS / 4.0;
    double[] shape = new double[SimulationModel.HOURS_PER_WEEK];
    double shapeSum = 0;
    for (int h = 0; h < shape.length; h++) {
      int hourOfDay = h % 24;
      boolean weekday = h < 5 * 24;
      shape[h] = (weekday ? 1.0 : 0.3) * (hourOfDay >= 8 && hourOfDay < 18 ? 3 : 1);
      shapeSum += shape[h];
    }
    double[] priorityShare = {0.05, 0.15, 0.5, 0.3};
    List<Arrivals> arrivals = new ArrayList<>();
    Map<String, ServiceTerms> terms = new HashMap<>();
    for (int s = 0; s < services.size(); s++) {
      Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
      for (Priority priority : Priority.values()) {
        double[] rates = new double[shape.length];
        for (int h = 0; h < rates.length; h++) {
          rates[h] = perWeek / services.size() * priorityShare[priority.ordinal()] * shape[h] / shapeSum;
        }
        arrivals.add(new Arrivals(services.get(s), priority, rates));
        boolean office = priority == Priority.MEDIUM || priority == Priority.LOW;
        String calendar = office ? "OFFICE_BERLIN" : BusinessCalendar.TWENTY_FOUR_SEVEN;
        int[] minutes = switch (priority) {
          case CRITICAL -> new int[] {30, 240};
          case HIGH -> new int[] {60, 480};
          case MEDIUM -> new int[] {240, 1440};
          case LOW -> new int[] {480, 4320};
        };
        targets.put(priority, new SlaTarget(priority, minutes[0], minutes[1], calendar, calendar, List.of(50, 75, 90)));
      }
      terms.put(services.get(s), new ServiceTerms(services.get(s), skills.get(s), targets));
    }
    Random random = new Random(5);
    Map<Step, Durations> durations = new EnumMap<>(Step.class);
    durations.put(Step.PLAN_DELIVERY, Durations.of(samples(random, 200, 45)));
    durations.put(Step.EXECUTE, Durations.of(samples(random, 500, 150)));
    durations.put(Step.WAIT_FOR_CUSTOMER, Durations.of(samples(random, 100, 600)));
    durations.put(Step.CORRECTIVE_ACTION, Durations.of(samples(random, 50, 90)));
    durations.put(Step.REVIEW_QUALITY, Durations.of(samples(random, 200, 60)));
    durations.put(Step.CONFIRMATION, Durations.of(samples(random, 200, 600)));
    List<StaffMember> staff = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      Set<String> held = Set.of(List.of("hardware", "network", "software", "storage").get(i % 4),
          List.of("hardware", "network", "software", "storage").get((i + 1) % 4));
      staff.add(new StaffMember("staff" + i, held, 2, BusinessCalendar.TWENTY_FOUR_SEVEN));
    }
    Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : Arrays.copyOf(DayOfWeek.values(), 5)) {
      hours.put(day, List.of(WorkingHours.of("08:00", "18:00")));
    }
    BusinessCalendar office =
        new BusinessCalendar("OFFICE_BERLIN", "Office hours Berlin", ZoneId.of("Europe/Berlin"), false, hours, List.of());
    return new SimulationModel(
        FROM, TO, arrivals, durations, new Branches(0.1, 0.05, 0.1, 0.03),
        new PlannedLead(0.9, samples(random, 200, 1440)), staff, terms,
        Map.of("OFFICE_BERLIN", office, BusinessCalendar.TWENTY_FOUR_SEVEN, BusinessCalendar.AROUND_THE_CLOCK));
  }

  /** exponential-looking samples with the mean, as a history would give them */
  private static double[] samples(Random random, int count, double mean) {
    double[] samples = new double[count];
    for (int i = 0; i < count; i++) {
      samples[i] = -mean * Math.log(1 - random.nextDouble());
    }
    return samples;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
