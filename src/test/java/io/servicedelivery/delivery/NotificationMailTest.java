package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.ACKNOWLEDGE_REQUEST;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_2_REACHED;
import static io.servicedelivery.notification.NotificationProcess.Elements.SEND_MAIL;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static io.servicedelivery.testsupport.SampleRequests.REQUESTER_EMAIL;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.notification.OutboxNotification;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.TestMailServer;
import io.servicedelivery.testsupport.TestMailServer.ReceivedMail;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notifications of {@code service-delivery} arrive as e-mail at the test mail server, and a mail server outage
 * becomes retries, then an incident, and once the server is back exactly one mail.
 */
@ProcessTest
class NotificationMailTest extends AbstractProcessTest {

  private static final String SERVICE_DESK = "Service Desk <service-desk@servicedelivery.example>";
  private static final String COORDINATOR_EMAIL = "coordinator@servicedelivery.example";

  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;
  @Autowired Notifications notifications;

  @Test
  void acknowledgementTellsTheRequesterTheDueTimes() {
    String requestId = submit(vpnRequest()).getBusinessKey();

    executeAsyncJobs();

    // NETWORK_ACCESS, HIGH: planned within 1 h, delivered within 8 h of T0 (Mon 23 Nov 2026, 08:00 UTC)
    assertThat(TestMailServer.received())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.from()).isEqualTo(SERVICE_DESK);
              assertThat(mail.subject()).isEqualTo("We received your service request " + requestId);
              assertThat(mail.body())
                  .contains("Hello Ada Customer,")
                  .contains("Request number:  " + requestId)
                  .contains("Service:         Network access (Remote access through VPN)")
                  .contains("Priority:        High")
                  .contains("Planned by:      Mon 23 Nov 2026, 09:00 UTC")
                  .contains("Delivered by:    Mon 23 Nov 2026, 16:00 UTC");
            });
    assertThat(notifications.outboxOf(requestId))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.type()).isEqualTo("REQUEST_ACKNOWLEDGED");
              assertThat(sent.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(sent.sentAt()).isEqualTo(T0);
              assertThat(sent.messageId()).startsWith("<").endsWith(">");
            });
  }

  @Test
  void rejectionGivesTheRequesterEveryReason() {
    Map<String, Object> request = vpnRequest();
    request.put(Variables.SERVICE_CODE, "TELEPORTATION");
    request.remove(Variables.TITLE);
    String requestId = submit(request).getBusinessKey();

    executeAsyncJobs();

    assertThat(TestMailServer.received())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.subject()).isEqualTo("Your service request " + requestId + " could not be accepted");
              assertThat(mail.body())
                  .contains("The title is missing.")
                  .contains("The service catalog has no service 'TELEPORTATION'.");
            });
  }

  @Test
  void withoutAnAddressOfTheRequesterTheCoordinatorsGetTheMail() {
    Map<String, Object> request = vpnRequest();
    request.remove(Variables.REQUESTER_EMAIL);
    String requestId = submit(request).getBusinessKey();

    executeAsyncJobs();

    assertThat(TestMailServer.received())
        .extracting(ReceivedMail::recipient)
        .contains(COORDINATOR_EMAIL)
        .doesNotContain("staff1@servicedelivery.example");
    assertThat(TestMailServer.received())
        .allSatisfy(mail -> assertThat(mail.body()).contains("The requester e-mail is missing."));
    assertThat(records.get(requestId).outcome()).isEqualTo(RequestOutcome.REJECTED);
  }

  @Test
  void anAddressNoMailCanGoToIsRejectedAndTheCoordinatorsAreTold() {
    Map<String, Object> request = vpnRequest();
    request.put(Variables.REQUESTER_EMAIL, "ada at customer dot example");
    submit(request);

    executeAsyncJobs();

    assertThat(TestMailServer.received())
        .extracting(ReceivedMail::recipient)
        .contains(COORDINATOR_EMAIL)
        .allSatisfy(recipient -> assertThat(recipient).endsWith("@servicedelivery.example"));
    assertThat(TestMailServer.received())
        .allSatisfy(mail -> assertThat(mail.body()).contains("'ada at customer dot example' is not an e-mail address"));
  }

  @Test
  void completionTellsTheRequesterHowToConfirmOrObjectAndTheClosingMailInvitesARating() {
    String requestId = startPlannedRequest();
    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, doneReport());
    complete(requestId, REVIEW_QUALITY, Map.of(QualityControlProcess.Variables.QUALITY_VERDICT, "PASSED"));

    executeAsyncJobs();

    String links = "https://desk.servicedelivery.example/customer-links/";
    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.subject().equals("Your service request " + requestId + " is completed"))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.body())
                  .contains("\"VPN for a new colleague\" (" + requestId + ") for Network access has been delivered")
                  .contains("- Confirm the delivery: " + links)
                  .contains("Tell us what is wrong: " + links)
                  .contains("reply to this e-mail, keep " + requestId + " in the subject and write what is wrong")
                  .contains("A reply whose first line is just \"confirm\" confirms the delivery.")
                  .contains("If we hear nothing from you by ");
            });

    confirmDelivery(requestId);
    executeAsyncJobs();

    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.subject().equals("Your service request " + requestId + " is closed"))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.body()).contains("One click rates it");
              for (int rating = 1; rating <= 5; rating++) {
                assertThat(mail.body()).contains("- " + rating + ": " + links);
              }
            });
  }

  @Test
  void cancellationIsConfirmedWithTheReason() {
    String requestId = startPlannedRequest();
    runtimeService
        .createMessageCorrelation(Messages.SERVICE_REQUEST_CANCELLED)
        .processInstanceBusinessKey(requestId)
        .setVariable(Variables.CANCELLATION_REASON, "The new colleague did not join after all")
        .correlateWithResult();

    executeAsyncJobs();

    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.subject().equals("Your service request " + requestId + " is cancelled"))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.body()).contains("Reason given: The new colleague did not join after all");
            });
  }

  @Test
  void slaWarningGoesToTheAssignedPersonAndTheCoordinatorsWithTheTimeLeft() {
    String requestId = startPlannedRequest();
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
        .singleResult().getId();
    Job warning = timer(instanceId, SLA_WARNING_2_REACHED);
    setClock(warning.getDuedate().toInstant());
    managementService.executeJob(warning.getId());

    executeAsyncJobs();

    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.subject().startsWith("SLA warning"))
        .extracting(ReceivedMail::recipient)
        .contains("staff2@servicedelivery.example", COORDINATOR_EMAIL)
        .doesNotContain(REQUESTER_EMAIL, "staff1@servicedelivery.example")
        .doesNotHaveDuplicates();
    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.subject().startsWith("SLA warning"))
        .allSatisfy(
            mail -> {
              assertThat(mail.subject()).isEqualTo("SLA warning: " + requestId + " is due Mon 23 Nov 2026, 16:00 UTC");
              assertThat(mail.body())
                  .contains("has used 75 % of")
                  .contains("by Mon 23 Nov 2026, 16:00 UTC, 2 h 00 min from now.")
                  .contains("Assigned to: Noor Network");
            });
  }

  @Test
  void mailServerOutageBecomesRetriesThenAnIncidentAndOneMailOnceTheServerIsBack() {
    ProcessInstance instance = submit(vpnRequest());
    String requestId = instance.getBusinessKey();
    ProcessInstance sending =
        runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
            .variableValueEquals(Variables.REQUEST_ID, requestId).singleResult();
    String jobId = managementService.createJobQuery().processInstanceId(sending.getId())
        .activityId(SEND_MAIL).singleResult().getId();
    TestMailServer.stop();

    // R6/PT5M: six attempts, five minutes apart
    Instant now = T0;
    for (int attempt = 1; attempt <= 6; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasStackTraceContaining("REQUEST_ACKNOWLEDGED for " + requestId + " to [" + REQUESTER_EMAIL + "] was not sent");
      Job job = managementService.createJobQuery().jobId(jobId).singleResult();
      assertThat(job.getRetries()).as("retries after attempt %d", attempt).isEqualTo(6 - attempt);
      if (attempt < 6) {
        assertThat(job.getDuedate()).isEqualTo(Date.from(now.plus(Duration.ofMinutes(5))));
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        now = now.plus(Duration.ofMinutes(5));
        setClock(now);
      }
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(sending.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(SEND_MAIL);
    assertThat(incident.getIncidentMessage()).contains("was not sent");
    assertThat(notifications.outboxOf(requestId)).isEmpty();
    // the mail is sent apart from the request: the request went on and waits to be planned, whatever the mail server
    assertThat(instance).hasPassed(ACKNOWLEDGE_REQUEST).isWaitingAt(PLAN_DELIVERY);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).variables().containsKeys(Variables.RESPONSE_DUE_AT, Variables.RESOLUTION_DUE_AT);
    assertThat(records.get(requestId).outcome()).isEqualTo(RequestOutcome.OPEN);

    // the mail server is back; an operator retries the job in Cockpit
    TestMailServer.start();
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);
    executeAsyncJobs();

    assertThat(TestMailServer.received())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.subject()).isEqualTo("We received your service request " + requestId);
            });
    assertThat(notifications.outboxOf(requestId))
        .singleElement()
        .extracting(OutboxNotification::type, OutboxNotification::sentAt)
        .containsExactly("REQUEST_ACKNOWLEDGED", now);
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
    assertThat(sending).isEnded();
    assertThat(instance).isWaitingAt(PLAN_DELIVERY);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private ProcessInstance submit(Map<String, Object> request) {
    return runtimeService
        .createMessageCorrelation(Messages.SERVICE_REQUEST_SUBMITTED)
        .setVariables(request)
        .correlateStartMessage();
  }

  /** A request that was acknowledged, planned and given to staff2. */
  private String startPlannedRequest() {
    String requestId = submit(vpnRequest()).getBusinessKey();
    planDelivery(requestId);
    executeAsyncJobs();
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isAssignedTo("staff2");
    return requestId;
  }

  private Map<String, Object> doneReport() {
    return Map.of(
        QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(catalog.get("NETWORK_ACCESS").checklist()),
        Variables.PROGRESS_STATUS, "DONE",
        Variables.PROGRESS_REPORT, "VPN profile deployed and tested with the user",
        Variables.EFFORT_HOURS, 1.5);
  }
}
