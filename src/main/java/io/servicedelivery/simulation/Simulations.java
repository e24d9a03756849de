package io.servicedelivery.simulation;

import io.servicedelivery.simulation.ActualFigures.Actual;
import io.servicedelivery.simulation.SimulationAnswer.Estimate;
import io.servicedelivery.simulation.SimulationAnswer.FigureComparison;
import io.servicedelivery.simulation.SimulationAnswer.ModelSummary;
import io.servicedelivery.simulation.SimulationAnswer.ShareComparison;
import io.servicedelivery.simulation.SimulationAnswer.ValidatedFigure;
import io.servicedelivery.simulation.SimulationAnswer.Validation;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.web.InvalidParametersException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import umontreal.ssj.stat.Tally;

/**
 * Answers what-if questions: reads the period's history and actual figures, derives the model, applies the changes
 * and simulates both over the replications on a fixed pool of threads. CPU-heavy, so bounded twice: at most {@code
 * servicedelivery.simulation.concurrent-questions} questions at once (a question beyond is refused with 503 and
 * Retry-After, not queued), and their replications share {@code servicedelivery.simulation.threads} threads.
 */
@Service
public class Simulations {

  public static final Duration MAX_PERIOD = Duration.ofDays(92);
  static final Duration RETRY_AFTER = Duration.ofSeconds(10);
  static final double CONFIDENCE = 0.95;

  /**
   * the largest differences of the baseline from the actual figures the validation accepts: 5 percentage points for
   * the percentages, 10% of the actual value for the cycle time and the requests delivered
   */
  static final Map<Figure, Tolerance> TOLERANCES = new EnumMap<>(Map.of(
      Figure.ON_TIME_DELIVERY, new Tolerance(5, false),
      Figure.RESPONSE_SLA_COMPLIANCE, new Tolerance(5, false),
      Figure.RESOLUTION_SLA_COMPLIANCE, new Tolerance(5, false),
      Figure.AVERAGE_CYCLE_TIME, new Tolerance(10, true),
      Figure.UTILISATION, new Tolerance(5, false),
      Figure.REQUESTS_DELIVERED, new Tolerance(10, true)));

  /** @param relative the tolerance is a percentage of the actual value, else points of the figure's unit */
  record Tolerance(double value, boolean relative) {

    double of(double actual) {
      return relative ? Math.abs(actual) * value / 100 : value;
    }
  }

  private final HistoryReader historyReader;
  private final ActualFigures actualFigures;
  private final SlaClock slaClock;
  private final Semaphore slots;
  private final int slotCount;
  private final ExecutorService threads;

  Simulations(
      HistoryReader historyReader,
      ActualFigures actualFigures,
      SlaClock slaClock,
      @Value("${servicedelivery.simulation.concurrent-questions:2}") int concurrentQuestions,
      @Value("${servicedelivery.simulation.threads:0}") int threadCount) {
    this.historyReader = historyReader;
    this.actualFigures = actualFigures;
    this.slaClock = slaClock;
    this.slotCount = concurrentQuestions;
    this.slots = new Semaphore(concurrentQuestions);
    int size = threadCount > 0 ? threadCount : Runtime.getRuntime().availableProcessors();
    AtomicInteger number = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(size, runnable -> {
      Thread thread = new Thread(runnable, "simulation-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @PreDestroy
  void stop() {
    threads.shutdownNow();
  }

  /**
   * @throws InvalidParametersException when the period or a change is invalid
   * @throws SimulationBusyException when all slots are busy
   */
  public SimulationAnswer answer(SimulationQuestion question) {
    requireValidPeriod(question);
    if (!slots.tryAcquire()) {
      throw new SimulationBusyException(slotCount, RETRY_AFTER);
    }
    try {
      History history = historyReader.read(question.from(), question.to());
      SimulationModel model = ModelBuilder.build(history, slaClock);
      SimulationModel changed = ModelChanges.apply(model, question.changesOrNone());
      Actual actual = actualFigures.of(history);
      return answer(question, history.arrivals().size(), model, changed, actual);
    } finally {
      slots.release();
    }
  }

  /** The answer for models and actual figures at hand (the API's answer without the database; tests, benchmark). */
  public SimulationAnswer answer(
      SimulationQuestion question, int requestsReceived, SimulationModel model, SimulationModel changed,
      Actual actual) {
    int replications = question.replicationsOrDefault();
    long seed = question.seedOrDefault();
    List<ReplicationResult> baseline = replicate(model, seed, replications);
    List<ReplicationResult> predicted = changed == model ? baseline : replicate(changed, seed, replications);

    List<FigureComparison> figures = new ArrayList<>();
    List<ValidatedFigure> validated = new ArrayList<>();
    boolean withinTolerance = true;
    for (Figure figure : Figure.values()) {
      Estimate base = estimate(baseline, result -> result.value(figure));
      Double actualValue = finite(actual.figures().getOrDefault(figure, Double.NaN));
      figures.add(new FigureComparison(figure.key(), figure.label(), figure.unit(), actualValue, base,
          estimate(predicted, result -> result.value(figure))));
      Tolerance tolerance = TOLERANCES.get(figure);
      if (tolerance != null) {
        Double difference = actualValue == null || base.mean() == null ? null : base.mean() - actualValue;
        double allowed = actualValue == null ? 0 : tolerance.of(actualValue);
        boolean within = difference == null || Math.abs(difference) <= allowed;
        withinTolerance &= within;
        validated.add(new ValidatedFigure(figure.key(), actualValue, base.mean(), difference, allowed, within));
      }
    }
    TreeSet<String> people = new TreeSet<>(actual.utilisationByResource().keySet());
    changed.staff().forEach(member -> people.add(member.userId()));
    TreeSet<String> skills = new TreeSet<>(actual.utilisationBySkill().keySet());
    predicted.forEach(result -> skills.addAll(result.utilisationBySkill().keySet()));
    return new SimulationAnswer(
        question.from(),
        question.to(),
        replications,
        seed,
        summary(requestsReceived, model),
        figures,
        people.stream().map(name -> share(name, actual.utilisationByResource(), baseline, predicted,
            ReplicationResult::utilisationByResource)).toList(),
        skills.stream().map(name -> share(name, actual.utilisationBySkill(), baseline, predicted,
            ReplicationResult::utilisationBySkill)).toList(),
        new Validation(withinTolerance, validated));
  }

  /** the replications of a model, in parallel on the simulation threads, in the order of their numbers */
  List<ReplicationResult> replicate(SimulationModel model, long seed, int replications) {
    DeliverySimulation simulation = new DeliverySimulation(model, slaClock);
    List<Future<ReplicationResult>> runs = new ArrayList<>();
    for (int i = 0; i < replications; i++) {
      int replication = i;
      runs.add(threads.submit(() -> simulation.run(seed, replication)));
    }
    List<ReplicationResult> results = new ArrayList<>();
    try {
      for (Future<ReplicationResult> run : runs) {
        results.add(run.get());
      }
    } catch (InterruptedException e) {
      runs.forEach(run -> run.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The simulation was interrupted", e);
    } catch (ExecutionException e) {
      runs.forEach(run -> run.cancel(true));
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
    return results;
  }

  private static void requireValidPeriod(SimulationQuestion question) {
    if (!question.from().isBefore(question.to())) {
      throw new InvalidParametersException("to", "must be after from (" + question.from() + ")");
    }
    if (Duration.between(question.from(), question.to()).compareTo(MAX_PERIOD) > 0) {
      throw new InvalidParametersException("to", "must be at most " + MAX_PERIOD.toDays() + " days after from");
    }
  }

  /** the mean and the half-width of the 95% Student-t confidence interval, of the replications with a value */
  static Estimate estimate(List<ReplicationResult> results, Function<ReplicationResult, Double> value) {
    Tally tally = new Tally();
    for (ReplicationResult result : results) {
      double v = value.apply(result);
      if (Double.isFinite(v)) {
        tally.add(v);
      }
    }
    if (tally.numberObs() == 0) {
      return new Estimate(null, null);
    }
    if (tally.numberObs() < 2) {
      return new Estimate(round(tally.average()), null);
    }
    double[] centerAndRadius = new double[2];
    tally.confidenceIntervalStudent(CONFIDENCE, centerAndRadius);
    return new Estimate(round(centerAndRadius[0]), round(centerAndRadius[1]));
  }

  private static ShareComparison share(
      String name,
      Map<String, Double> actual,
      List<ReplicationResult> baseline,
      List<ReplicationResult> predicted,
      Function<ReplicationResult, Map<String, Double>> shares) {
    Double actualShare = actual.get(name);
    return new ShareComparison(
        name,
        actualShare == null ? null : finite(100 * actualShare),
        estimate(baseline, result -> 100 * shares.apply(result).getOrDefault(name, Double.NaN)),
        estimate(predicted, result -> 100 * shares.apply(result).getOrDefault(name, Double.NaN)));
  }

  private static ModelSummary summary(int requestsReceived, SimulationModel model) {
    Map<String, Integer> samples = new LinkedHashMap<>();
    for (Step step : Step.values()) {
      SimulationModel.Durations durations = model.durations().get(step);
      samples.put(step.id(), durations == null ? 0 : durations.all().length);
    }
    Map<String, Double> branches = new LinkedHashMap<>();
    branches.put("customerWait", round(model.branches().customerWait()));
    branches.put("correctiveAction", round(model.branches().correctiveAction()));
    branches.put("rework", round(model.branches().rework()));
    branches.put("reopen", round(model.branches().reopen()));
    return new ModelSummary(
        requestsReceived, round(model.arrivalsPerWeek()), model.staff().size(), samples, branches);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? round(value) : null;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
