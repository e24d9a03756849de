package io.servicedelivery.notification;

import static io.servicedelivery.notification.NotificationProcess.Elements.MAIL_SENT;
import static io.servicedelivery.notification.NotificationProcess.Elements.NOTIFICATION_QUEUED;
import static io.servicedelivery.notification.NotificationProcess.Elements.SEND_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.notification.NotificationProcess.Messages;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.TestMailServer;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bpmn/notification.bpmn}: a mail queued by a step of a request is sent in a job of its own. Its failure path
 * (retries, incident, sent once the server is back) is in {@code NotificationMailTest}.
 */
@ProcessTest
class NotificationProcessTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    // primary: the coverage library also registers a default bean that would otherwise win
    @Bean
    @Primary
    ProcessEngineCoverageProperties notificationCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(ServiceDeliveryProcess.KEY, ResourceAllocationProcess.KEY, QualityControlProcess.KEY, CatalogChangeProcess.KEY, CapaProcess.KEY)
          .build();
    }
  }

  private static final String EMAIL = "grace@example.org";

  @Autowired private Notifications notifications;
  @Autowired private JdbcClient jdbc;

  @Test
  void queuedMailIsSentInAJobOfItsOwn() {
    String request = "SR-901";
    long mailId =
        notifications.queueForRequester(
            NotificationType.REQUEST_ACKNOWLEDGED,
            request,
            EMAIL,
            Map.of("requestId", request, "title", "Printer on the third floor", "requesterName", "Grace"),
            ZoneId.of("UTC"));
    ProcessInstance instance =
        runtimeService.startProcessInstanceByMessage(
            Messages.NOTIFICATION_QUEUED,
            Map.of(Variables.REQUEST_ID, request, NotificationProcess.Variables.NOTIFICATION_MAIL_ID, mailId));

    assertThat(instance).hasPassed(NOTIFICATION_QUEUED).isWaitingAt(SEND_MAIL);
    Job send = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(notifications.outboxOf(request)).as("nothing sent before the job runs").isEmpty();

    managementService.executeJob(send.getId());

    assertThat(instance).hasPassed(SEND_MAIL, MAIL_SENT).isEnded();
    assertThat(TestMailServer.received())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(EMAIL);
              assertThat(mail.subject()).isEqualTo("We received your service request " + request);
              assertThat(mail.body()).contains("Printer on the third floor");
            });
    assertThat(notifications.outboxOf(request))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.recipient()).isEqualTo(EMAIL);
              assertThat(sent.type()).isEqualTo("REQUEST_ACKNOWLEDGED");
              assertThat(sent.messageId()).isNotBlank();
            });
  }

  @Test
  void aMailIsSentOnceEvenWhenItsJobRunsAgain() {
    String request = "SR-902";
    long mailId =
        notifications.queueForRequester(
            NotificationType.REQUEST_COMPLETED, request, EMAIL, Map.of("requestId", request, "title", "Printer"),
            ZoneId.of("UTC"));

    notifications.send(mailId);
    notifications.send(mailId);

    assertThat(TestMailServer.received()).hasSize(1);
    assertThat(notifications.outboxOf(request)).hasSize(1);
  }

  @Test
  void aMailSentAgainAfterACrashIsTheSameMailWithTheMessageIdItGotWhenQueued() {
    String request = "SR-903";
    long mailId =
        notifications.queueForRequester(
            NotificationType.REQUEST_COMPLETED, request, EMAIL, Map.of("requestId", request, "title", "Printer"),
            ZoneId.of("UTC"));
    String queuedMessageId =
        jdbc.sql("select message_id from notification_mail where id = ?").param(mailId).query(String.class).single();

    notifications.send(mailId);
    // the node died after the server accepted the mail, before the job's commit: the mail is not marked sent
    jdbc.sql("update notification_mail set sent_at = null where id = ?").param(mailId).update();
    notifications.send(mailId);

    assertThat(queuedMessageId).startsWith("<").endsWith("@servicedelivery.example>");
    assertThat(TestMailServer.received())
        .hasSize(2)
        .extracting(TestMailServer.ReceivedMail::messageId)
        .containsOnly(queuedMessageId);
  }
}
