package io.servicedelivery.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's jobs as the database has them: the queue all nodes' job executors take their work from
 * ({@code ACT_RU_JOB}, a job being run is locked by one executor until its lock expires) and what became of each
 * job ({@code ACT_HI_JOB_LOG}, with the name of the node that ran it).
 */
final class ClusterJobs {

  /** The timer of Plan delivery: the response time passed (it then alerts the operations managers). */
  static final String RESPONSE_TIMER = "BoundaryEvent_ResponseTimePassed";

  /** {@code ACT_HI_JOB_LOG.JOB_STATE_} of a run that succeeded (0 created, 1 failed, 2 successful, 3 deleted) */
  private static final int SUCCESSFUL = 2;

  record LockedJob(String id, String owner, Instant expiresAt) {}

  record SuccessfulRun(String jobId, Instant at, String hostname) {}

  private final JdbcTemplate jdbc;

  ClusterJobs(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Makes up to {@code count} response timers that are not due yet due at {@code dueAt}, as if their requests had
   * waited for planning that long, so that both nodes' job executors compete for them.
   *
   * @return the timers' job ids
   */
  List<String> makeResponseTimersDue(int count, Instant dueAt) {
    List<String> ids = jdbc.queryForList(
        """
        select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
        where j.type_ = 'timer' and d.act_id_ = ? and j.lock_owner_ is null and j.duedate_ > ?
        order by j.create_time_, j.id_ limit ?""",
        String.class, RESPONSE_TIMER, Timestamp.from(Instant.now().plus(Duration.ofMinutes(5))), count);
    for (String id : ids) {
      // the revision moves on, so that a node holding the job as it was cannot write it back unnoticed
      jdbc.update("update act_ru_job set duedate_ = ?, rev_ = rev_ + 1 where id_ = ?", Timestamp.from(dueAt), id);
    }
    return ids;
  }

  List<LockedJob> locked() {
    return jdbc.query(
        "select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null",
        (rs, row) -> new LockedJob(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
  }

  boolean exists(String jobId) {
    Long count = jdbc.queryForObject("select count(*) from act_ru_job where id_ = ?", Long.class, jobId);
    return count != null && count > 0;
  }

  /** Jobs that are due or being run: the work still to do. */
  long pending() {
    Long count = jdbc.queryForObject(
        """
        select count(*) from act_ru_job
        where retries_ > 0 and suspension_state_ = 1 and (duedate_ is null or duedate_ <= ? or lock_owner_ is not null)""",
        Long.class, Timestamp.from(Instant.now()));
    return count == null ? 0 : count;
  }

  long incidents() {
    Long count = jdbc.queryForObject("select count(*) from act_ru_incident", Long.class);
    return count == null ? 0 : count;
  }

  List<String> incidentMessages() {
    return jdbc.queryForList("select incident_msg_ from act_ru_incident limit 5", String.class);
  }

  List<SuccessfulRun> successfulRuns() {
    return jdbc.query(
        // the jobs of process instances: the history cleanup job (none) runs again and again under one id
        "select job_id_, timestamp_, hostname_ from act_hi_job_log where job_state_ = ? and process_instance_id_ is not null",
        (rs, row) -> new SuccessfulRun(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
        SUCCESSFUL);
  }

  /** Runs of the jobs that reported success but carry an exception message: there must be none. */
  long successfulRunsWithException() {
    Long count = jdbc.queryForObject(
        "select count(*) from act_hi_job_log where job_state_ = ? and job_exception_msg_ is not null", Long.class,
        SUCCESSFUL);
    return count == null ? 0 : count;
  }
}
