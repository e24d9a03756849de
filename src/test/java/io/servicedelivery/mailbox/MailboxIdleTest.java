package io.servicedelivery.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.mailbox.MailboxProcesses.Reading;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.AsyncJobs;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * IMAP IDLE: the server announces a new mail in the desk's mailbox, and the poll of mailbox-reading becomes due at
 * once instead of at the next poll interval; the job reads the mail as always.
 */
@ProcessTest
@TestPropertySource(
    properties = {
      "servicedelivery.mailbox.enabled=true",
      "servicedelivery.mailbox.idle=true",
      // the watch connects again a second after its connection was lost
      "servicedelivery.mailbox.poll-interval=PT1S"
    })
class MailboxIdleTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties mailboxIdleCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .excludeProcessDefinitionKeys(
              ServiceDeliveryProcess.KEY, ResourceAllocationProcess.KEY, QualityControlProcess.KEY,
              CatalogChangeProcess.KEY, CapaProcess.KEY, NotificationProcess.KEY)
          .build();
    }
  }

  @Autowired private InboundMails inboundMails;

  @AfterEach
  void forgetMails() {
    jdbc.sql("delete from inbound_mail").update();
  }

  @Test
  void aNewMailAnnouncedByTheServerOrFoundOnConnectingMakesThePollDueNow() throws Exception {
    Job poll = pollTimer();
    assertThat(poll.getDuedate()).as("the next poll, after deployment").isAfter(Date.from(T0));
    // a connection of the watch's own, opened after the mailboxes were emptied for this test
    TestMailServer.stopImap();
    TestMailServer.startImap();

    MimeMessage mail = new MimeMessage(TestMailServer.session());
    mail.setFrom(new InternetAddress("mallory@elsewhere.example"));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(TestMailServer.DESK));
    mail.setSubject("Free laptops");
    mail.setText("Click here.");
    TestMailServer.send(mail);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (pollTimer().getDuedate().after(Date.from(T0)) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(pollTimer().getDuedate()).as("due now").isEqualTo(Date.from(T0));

    managementService.executeJob(pollTimer().getId());
    AsyncJobs.runDue(managementService, null);
    assertThat(inboundMails.list(null, 10))
        .singleElement()
        .satisfies(stored -> assertThat(stored.subject()).isEqualTo("Free laptops"));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(Reading.KEY).count()).isZero();
  }

  private Job pollTimer() {
    return managementService.createJobQuery().processDefinitionKey(Reading.KEY).timers().singleResult();
  }
}
