package io.servicedelivery.engine;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a person's or a client's engine command again when it lost an optimistic-locking race, typically with a job of
 * the same request (a timer firing, a reassignment) that committed first: the command's transaction was rolled back
 * whole, so running it again on the new state is what the caller asked for. Only commands that open their own
 * transaction are retried (one inside a caller's transaction would run again in a transaction that is already marked
 * for rollback), and never the job executor's: jobs have {@link RetryLostRacesAtOnce}.
 *
 * <p>A lost race can also show as a {@link NullPointerException} inside the engine: under READ COMMITTED a command
 * can read a task and then miss its execution, which a concurrent transaction removed in between (two people
 * completing the same task at once: {@code ExecutionEntity.removeTask}). That is run again like an
 * optimistic-locking failure. So is, once, what a concurrent transaction removed after the command found it (a
 * {@link NullValueException} "list of executions is empty" when two people cancel one request at once, a message
 * subscription gone when a customer's answer is given twice at once): a second look either succeeds or says plainly
 * what is not there.
 *
 * <p>When the command fails differently on a retry (the task is gone, the message finds nobody waiting), somebody
 * else changed the same thing at the same moment: the caller gets the optimistic-locking exception, answered as 409.
 */
class ConcurrentUpdateRetries extends CommandInterceptor {

  static final int ATTEMPTS = 4;

  private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdateRetries.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (!ownsItsTransaction(command)) {
      return next.execute(command);
    }
    OptimisticLockingException lost = null;
    boolean vanished = false;
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException | NullPointerException e) {
        if (e instanceof NullPointerException npe && !insideTheEngine(npe)) {
          throw npe;
        }
        if (attempt == ATTEMPTS) {
          throw e;
        }
        lost = e instanceof OptimisticLockingException ole ? ole : new OptimisticLockingException(e.getMessage(), e);
        log.debug("{} lost a race (attempt {}), running it again: {}", command.getClass().getSimpleName(), attempt,
            e.getMessage());
      } catch (ProcessEngineException e) {
        if (lost != null) {
          lost.addSuppressed(e);
          throw lost;
        }
        if (vanished || !goneMeanwhile(e)) {
          throw e;
        }
        // what the command read a moment ago may have gone with a concurrent transaction: look once more
        vanished = true;
      }
      pause(attempt);
    }
  }

  /**
   * What a concurrent transaction removed after the command found it: the executions of a request being cancelled
   * twice, or the message subscription of a customer's answer given twice ("Execution … does not have a subscription
   * to a message event", when the other answer's commit removed it between the query and the delivery).
   */
  private static boolean goneMeanwhile(ProcessEngineException e) {
    return e instanceof NullValueException
        || (e.getMessage() != null && e.getMessage().contains("does not have a subscription to a message event"));
  }

  private static boolean insideTheEngine(NullPointerException e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length > 0 && trace[0].getClassName().startsWith("org.camunda.bpm.engine.impl.");
  }

  private static boolean ownsItsTransaction(Command<?> command) {
    return !(command instanceof ExecuteJobsCmd)
        && Context.getJobExecutorContext() == null
        && Context.getCommandContext() == null
        && !TransactionSynchronizationManager.isActualTransactionActive();
  }

  /** A few milliseconds, growing and jittered, so that two retrying callers do not collide again in step. */
  private static void pause(int attempt) {
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1) * 1_000_000L);
  }
}
