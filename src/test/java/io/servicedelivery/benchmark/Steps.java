package io.servicedelivery.benchmark;

import java.util.function.Supplier;

/**
 * The step of a lifecycle the current thread works on, so that every SQL statement can be put down to it: an HTTP
 * call kind ({@code HTTP POST /api/service-requests}), a job ({@code job Task_AcknowledgeRequest}), the job
 * acquisition, the benchmark's own driver (never counted) or something in the background.
 */
final class Steps {

  static final String HTTP = "HTTP ";
  static final String JOB = "job ";
  static final String JOB_ACQUISITION = "job acquisition";
  static final String DRIVER = "benchmark driver";
  static final String BACKGROUND = "background ";
  /** a look-up made again because the last one found nothing: waiting, not work of the lifecycle */
  static final String REPEATED = " (repeated)";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private Steps() {}

  /** The step set on this thread, or else one named after the thread (background work). */
  static String current() {
    String step = CURRENT.get();
    return step != null ? step : BACKGROUND + threadKind(Thread.currentThread().getName());
  }

  static String set(String step) {
    String previous = CURRENT.get();
    CURRENT.set(step);
    return previous;
  }

  static boolean isSet() {
    return CURRENT.get() != null;
  }

  static void restore(String previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** Runs the benchmark's own reads (polling, checks) so that they are not counted as work of the application. */
  static <T> T asDriver(Supplier<T> work) {
    String previous = set(DRIVER);
    try {
      return work.get();
    } finally {
      restore(previous);
    }
  }

  static void asDriver(Runnable work) {
    asDriver(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Whether statements of the step belong to the lifecycles being measured: not the driver's, not the background's,
   * not repeated look-ups.
   */
  static boolean countsForLifecycle(String step) {
    return (step.startsWith(HTTP) || step.startsWith(JOB)) && !step.endsWith(REPEATED);
  }

  /** thread name without its number: scheduling-1 -> scheduling */
  private static String threadKind(String threadName) {
    return threadName.replaceAll("[-_ #]?\\d+$", "");
  }
}
