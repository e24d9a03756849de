package io.servicedelivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.notification.NotificationProcess.Messages;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job that lost an optimistic-locking race runs again at once, its retries untouched; any other failure keeps the
 * retry cycle of its activity (for a mail: five minutes later, one retry less).
 */
@WebIntegrationTest
class RetryLostRacesAtOnceTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired Notifications notifications;
  @Autowired JdbcClient jdbc;

  private ProcessInstance mail;

  @AfterEach
  void deleteMail() {
    runtimeService.deleteProcessInstance(mail.getId(), "test finished");
  }

  @Test
  void aJobThatLostARaceIsUnlockedWithItsRetriesAndDueDateAsTheyWere() {
    Job job = lockedMailJob();

    fail(job, new RuntimeException("flush failed", new OptimisticLockingException("Entity was updated by another")));

    JobEntity after = (JobEntity) managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(job.getRetries());
    assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
    assertThat(after.getLockOwner()).isNull();
    assertThat(after.getLockExpirationTime()).isNull();
    assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).as("due now").isOne();
  }

  @Test
  void anyOtherFailureWaitsForTheRetryCycleOfItsActivity() {
    Job job = lockedMailJob();

    fail(job, new IllegalStateException("mail server down"));

    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(job.getRetries() - 1);
    assertThat(after.getDuedate()).isAfter(Instant.now().plusSeconds(4 * 60));
    assertThat(after.getExceptionMessage()).isEqualTo("mail server down");
  }

  private Job lockedMailJob() {
    long mailId =
        notifications.queueForRequester(
            NotificationType.REQUEST_ACKNOWLEDGED, "SR-990001", "ada@example.org", Map.of("requestId", "SR-990001"), ZoneId.of("UTC"));
    mail =
        runtimeService.startProcessInstanceByMessage(
            Messages.NOTIFICATION_QUEUED,
            Map.of(Variables.REQUEST_ID, "SR-990001", NotificationProcess.Variables.NOTIFICATION_MAIL_ID, mailId));
    Job job = managementService.createJobQuery().processInstanceId(mail.getId()).singleResult();
    jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?")
        .params("another-node", Timestamp.from(Instant.now().plusSeconds(300)), job.getId())
        .update();
    return job;
  }

  /** What the job executor does when a job failed: the failed-job command of the configured factory. */
  private void fail(Job job, Throwable failure) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    FailedJobCommandFactory factory = configuration.getFailedJobCommandFactory();
    assertThat(factory).isInstanceOf(RetryLostRacesAtOnce.class);
    configuration.getCommandExecutorTxRequired().execute(factory.getCommand(job.getId(), failure));
  }
}
