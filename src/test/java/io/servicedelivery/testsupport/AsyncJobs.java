package io.servicedelivery.testsupport;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * Runs the asynchronous continuations (the notifications) that are due, as the job executor would, until none is
 * left: the test contexts run no job executor.
 */
public final class AsyncJobs {

  private AsyncJobs() {}

  /** @param processInstanceId only this instance's jobs, or all when null */
  public static void runDue(ManagementService managementService, String processInstanceId) {
    List<Job> jobs;
    while (!(jobs = due(managementService, processInstanceId).list()).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private static JobQuery due(ManagementService managementService, String processInstanceId) {
    JobQuery query = managementService.createJobQuery().messages().executable();
    return processInstanceId == null ? query : query.processInstanceId(processInstanceId);
  }
}
