package io.servicedelivery.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * A job that lost an optimistic-locking race (a person completed a task of the same request, another node ran a job
 * of it) did nothing wrong: it is unlocked and runs again at once, with its retries untouched, instead of waiting for
 * its activity's retry cycle (five minutes for a mail). The race was lost to a transaction that committed, so the job
 * wins the next one or finds its work gone. Every other failure goes to the engine's own strategy: retries, then an
 * incident.
 */
class RetryLostRacesAtOnce implements FailedJobCommandFactory {

  private final FailedJobCommandFactory otherwise;

  RetryLostRacesAtOnce(FailedJobCommandFactory otherwise) {
    this.otherwise = otherwise;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return lostRace(exception) ? new RunAgainAtOnce(jobId, exception) : otherwise.getCommand(jobId, exception);
  }

  static boolean lostRace(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }

  private static final class RunAgainAtOnce extends JobRetryCmd {

    RunAgainAtOnce(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job != null) {
        job.unlock();
        notifyAcquisition(commandContext);
      }
      return null;
    }
  }
}
