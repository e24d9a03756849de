package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.*;
import static io.servicedelivery.quality.CapaProcess.Elements.ANALYSE_ROOT_CAUSE;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static io.servicedelivery.quality.QualityControlProcess.Elements.RUN_AUTOMATED_CHECKS;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.ALLOCATE_RESOURCE;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.REPLAN_RESOURCES;
import static io.servicedelivery.testsupport.SampleRequests.REQUESTER_EMAIL;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.conversation.Note;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.delivery.process.SlaSchedule;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.notification.OutboxNotification;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.Capas;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.records.BillingStatus;
import io.servicedelivery.records.ClosedBy;
import io.servicedelivery.records.DeliveryObjections;
import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.records.CustomerTimelines;
import io.servicedelivery.records.DeliveryRecordView;
import io.servicedelivery.records.DeliveryRecordViews;
import io.servicedelivery.records.DeliveryStep;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.records.TimelineEntry;
import io.servicedelivery.resourcing.NewAbsence;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.resourcing.StaffDirectory;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.ReadableTime;
import io.servicedelivery.sla.SlaTarget;
import io.servicedelivery.sla.SlaPauseLog;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.TestMailServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every path of {@code bpmn/service-delivery.bpmn}: the flowchart from "Receive request" to "Request closed", the
 * exceptions and the SLA timers.
 */
@ProcessTest
class ServiceDeliveryProcessTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    // primary: the coverage library also registers a default bean that would otherwise win
    @Bean
    @Primary
    ProcessEngineCoverageProperties serviceDeliveryCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(ResourceAllocationProcess.KEY, QualityControlProcess.KEY, CatalogChangeProcess.KEY, CapaProcess.KEY, NotificationProcess.KEY)
          .build();
    }
  }

  private static final String SERVICE = "NETWORK_ACCESS";

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;
  @Autowired CustomerTimelines timeline;
  @Autowired SlaPauseLog pauseLog;
  @Autowired Notifications notifications;
  @Autowired ResourcePool resourcePool;
  @Autowired StaffDirectory staffDirectory;
  @Autowired Capas capas;
  @Autowired DeliveryRecordViews recordViews;
  @Autowired IdentityService identityService;
  @Autowired DeliveryObjections objections;
  @Autowired RequestNotes notes;

  @Test
  void orderFormRequestTravelsEveryStepToRequestClosed() {
    ProcessInstance instance = submitOrderForm(vpnRequest());
    String requestId = instance.getBusinessKey();
    SlaTarget sla = catalog.get(SERVICE).slaFor(Priority.HIGH).orElseThrow();

    assertThat(requestId).matches("SR-\\d{6}");
    assertThat(instance)
        .hasPassed(ORDER_FORM_SUBMITTED, RECEIVE_REQUEST, PRIORITY_GIVEN, VALIDATE_REQUEST)
        .hasNotPassed(DETERMINE_PRIORITY)
        .hasPassed(ACKNOWLEDGE_REQUEST)
        .isWaitingAt(PLAN_DELIVERY);
    assertThat(mailsToSend(requestId)).as("the acknowledgement, queued").isEqualTo(1);
    executeAsyncJobs();
    assertThat(mailsToSend(requestId)).as("the acknowledgement, sent").isZero();
    assertThat(instance)
        .variables()
        .contains(
            entry(Variables.REQUEST_ID, requestId),
            entry(Variables.CHANNEL, "SERVICE_DESK"),
            entry(Variables.SERVICE_NAME, "Network access"),
            entry(Variables.REQUEST_TYPE_NAME, "Remote access through VPN"),
            entry(Variables.REQUIRED_SKILL, "network"),
            entry(Variables.CATALOG_VERSION, 1),
            entry(Variables.RESPONSE_DUE_AT, Date.from(T0.plus(sla.response()))),
            entry(Variables.RESOLUTION_DUE_AT, Date.from(T0.plus(sla.resolution()))));
    Task plan = task(requestId, PLAN_DELIVERY);
    assertThat(plan).hasCandidateGroup("service-coordinators").hasFormKey(null);
    assertThat(plan.getDueDate()).isEqualTo(Date.from(T0.plus(sla.response())));

    setClock(T0.plus(Duration.ofMinutes(30)));
    planDelivery(requestId);

    assertThat(instance).hasPassed(ALLOCATE_RESOURCES).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    Task execute = task(requestId, EXECUTE_SERVICE_ACTIVITIES);
    assertThat(execute).isAssignedTo("staff2");
    assertThat(execute.getDueDate()).isEqualTo(Date.from(T0.plus(sla.resolution())));
    assertThat(resourcePool.openReservationOf(requestId)).contains("staff2");

    setClock(T0.plus(Duration.ofHours(3)));
    reportDone(requestId, 1.5);

    assertThat(instance).hasPassed(MONITOR_PROGRESS, COMPLETE_SERVICE_DELIVERY).isWaitingAt(VERIFY_COMPLETION);
    assertThat(resourcePool.openReservationOf(requestId)).isEmpty();
    assertThat(task(requestId, REVIEW_QUALITY)).hasCandidateGroup("quality-assurance");

    reviewQuality(requestId, "PASSED", null);

    assertThat(mailsToSend(requestId)).as("the completion mail, queued").isEqualTo(1);
    executeAsyncJobs();
    assertThat(mailsToSend(requestId)).isZero();
    assertThat(instance)
        .hasPassed(RESOLVE_REQUEST, NOTIFY_COMPLETION)
        .hasNotPassed(CLOSE_REQUEST)
        .isWaitingAt(AWAIT_CONFIRMATION);
    ServiceDeliveryRecord resolved = records.get(requestId);
    assertThat(resolved.outcome()).as("open until the customer confirms").isEqualTo(RequestOutcome.OPEN);
    assertThat(resolved.resolvedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThat(resolved.resolutionMet()).as("judged at the resolution").isTrue();
    assertThat(resolved.customerStatus()).isEqualTo(CustomerEvent.COMPLETED);
    assertThat(resolved.awaitsConfirmation()).isTrue();
    // the 24x7 calendar of a HIGH request: five working days are five days
    assertThat(instance)
        .variables()
        .containsEntry(Variables.CONFIRMATION_DUE_AT, Date.from(T0.plus(Duration.ofHours(3)).plus(Duration.ofDays(5))))
        .containsEntry(Variables.SLA_PAUSED, true);
    assertThat(timer(instance.getId(), CONFIRMATION_PERIOD_ENDED).getDuedate())
        .isEqualTo(Date.from(T0.plus(Duration.ofHours(3)).plus(Duration.ofDays(5))));
    assertThat(notifications.outboxOf(requestId).get(1))
        .satisfies(
            mail -> {
              assertThat(mail.type()).isEqualTo("REQUEST_COMPLETED");
              assertThat(mail.body())
                  .contains("https://desk.servicedelivery.example/customer-links/", "reply to this e-mail")
                  .contains(requestId);
            });

    setClock(T0.plus(Duration.ofHours(5)));
    confirmDelivery(requestId);
    executeAsyncJobs();

    assertThat(instance)
        .hasPassed(DELIVERY_CONFIRMED, CLOSE_REQUEST, NOTIFY_CLOSURE, REQUEST_CLOSED)
        .hasNotPassed(
            TAKE_CORRECTIVE_ACTION, REGISTER_REWORK, SEND_SLA_WARNING, FLAG_SLA_BREACH, REOPEN_REQUEST,
            CONFIRMATION_PERIOD_ENDED)
        .isEnded();
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.channel()).isEqualTo("SERVICE_DESK");
    assertThat(record.serviceCode()).isEqualTo(SERVICE);
    assertThat(record.catalogVersion()).isEqualTo(1);
    assertThat(record.priority()).isEqualTo("HIGH");
    assertThat(record.assignedTo()).isEqualTo("staff2");
    assertThat(record.receivedAt()).isEqualTo(T0);
    assertThat(record.plannedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(record.completedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThat(record.resolvedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThat(record.closedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
    assertThat(record.closedBy()).isEqualTo(ClosedBy.CONFIRMED);
    assertThat(record.reopenCount()).isZero();
    assertThat(record.responseMet()).isTrue();
    assertThat(record.resolutionMet()).isTrue();
    assertThat(record.slaBreachedAt()).isNull();
    assertThat(record.firstTimeRight()).isTrue();
    assertThat(record.reworkCount()).isZero();
    assertThat(record.effortHours()).isEqualByComparingTo("1.5");
    assertThat(record.cost()).isEqualByComparingTo("120.00");
    assertThat(timeline.timelineOf(requestId))
        .extracting(TimelineEntry::event)
        .containsExactly(
            CustomerEvent.RECEIVED,
            CustomerEvent.PLANNED,
            CustomerEvent.IN_PROGRESS,
            CustomerEvent.COMPLETED,
            CustomerEvent.CLOSED);
    assertThat(record.customerStatus()).isEqualTo(CustomerEvent.CLOSED);
    assertThat(pauseLog.pausesOf(requestId))
        .singleElement()
        .satisfies(
            pause -> {
              assertThat(pause.startedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
              assertThat(pause.endedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
            });
    assertThat(notifications.outboxOf(requestId))
        .extracting(OutboxNotification::type)
        .containsExactly("REQUEST_ACKNOWLEDGED", "REQUEST_COMPLETED", "REQUEST_CLOSED");
    assertThat(notifications.outboxOf(requestId).get(1))
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.subject()).contains(requestId);
              assertThat(mail.body()).contains("Ada Customer", "VPN for a new colleague", "Network access");
            });
    assertThat(notifications.outboxOf(requestId).get(2))
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.subject()).contains(requestId, "closed");
              assertThat(mail.body()).contains("- 1: https://desk.servicedelivery.example/customer-links/");
              assertThat(mail.body()).contains("- 5: https://desk.servicedelivery.example/customer-links/");
            });
  }

  @Test
  void theRecordHasEveryStepFromTheHistoryWithWhoWhenAndHowLongAndTheCostWithMaterials() {
    ProcessInstance instance = submitOrderForm(vpnRequest());
    String requestId = instance.getBusinessKey();
    executeAsyncJobs();
    setClock(T0.plus(Duration.ofMinutes(30)));
    planDelivery(requestId);
    setClock(T0.plus(Duration.ofHours(3)));
    Map<String, Object> done =
        new HashMap<>(report("DONE", catalog.get(SERVICE).checklist(), "VPN profile deployed", 1.5));
    done.put(Variables.MATERIALS_COST, 24.5);
    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, done);
    setClock(T0.plus(Duration.ofHours(4)));
    identityService.setAuthentication("qa", List.of("quality-assurance"));
    try {
      reviewQuality(requestId, "PASSED", null);
    } finally {
      identityService.clearAuthentication();
    }
    confirmDelivery(requestId);
    executeAsyncJobs();

    DeliveryRecordView record = recordViews.find(requestId).orElseThrow();

    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.plannedCompletionAt()).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
    assertThat(record.cost().effortHours()).isEqualByComparingTo("1.5");
    assertThat(record.cost().ratePerHour()).isEqualByComparingTo("80");
    assertThat(record.cost().materials()).isEqualByComparingTo("24.5");
    assertThat(record.cost().total()).as("1.5 h x 80 + 24.50").isEqualByComparingTo("144.50");
    assertThat(record.cost().currency()).isEqualTo("EUR");
    assertThat(record.billingStatus()).isEqualTo(BillingStatus.UNBILLED);
    assertThat(record.firstTimeRight()).isTrue();
    assertThat(record.sla().resolutionMet()).isTrue();
    assertThat(record.steps())
        .extracting(DeliveryStep::activityId)
        .containsSubsequence(
            RECEIVE_REQUEST,
            VALIDATE_REQUEST,
            PLAN_DELIVERY,
            ALLOCATE_RESOURCE,
            EXECUTE_SERVICE_ACTIVITIES,
            MONITOR_PROGRESS,
            COMPLETE_SERVICE_DELIVERY,
            RUN_AUTOMATED_CHECKS,
            REVIEW_QUALITY,
            RESOLVE_REQUEST,
            NOTIFY_COMPLETION,
            CLOSE_REQUEST,
            NOTIFY_CLOSURE)
        .doesNotContain(ALLOCATE_RESOURCES, VERIFY_COMPLETION, ISSUES_OR_DELAYS);
    assertThat(record.steps())
        .filteredOn(step -> step.type().equals("userTask"))
        .extracting(
            DeliveryStep::process,
            DeliveryStep::activityId,
            DeliveryStep::startedAt,
            DeliveryStep::endedAt,
            DeliveryStep::duration,
            DeliveryStep::assignee,
            DeliveryStep::completedBy)
        .containsExactly(
            tuple(ServiceDeliveryProcess.KEY, PLAN_DELIVERY, T0, T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(30), null,
                null),
            tuple(ServiceDeliveryProcess.KEY, EXECUTE_SERVICE_ACTIVITIES, T0.plus(Duration.ofMinutes(30)),
                T0.plus(Duration.ofHours(3)), Duration.ofMinutes(150), "staff2", null),
            tuple(QualityControlProcess.KEY, REVIEW_QUALITY, T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(4)),
                Duration.ofHours(1), null, "qa"));
    assertThat(record.steps())
        .filteredOn(step -> step.activityId().equals(ALLOCATE_RESOURCE))
        .extracting(DeliveryStep::process)
        .containsExactly(ResourceAllocationProcess.KEY);
  }

  @Test
  void aNegativeMaterialsCostIsRefusedAndTheTaskStaysOpen() {
    String requestId = startPlannedRequest().getBusinessKey();
    Map<String, Object> done = new HashMap<>(report("DONE", catalog.get(SERVICE).checklist(), "Done", 1.0));
    done.put(Variables.MATERIALS_COST, -5);

    assertThatThrownBy(() -> complete(requestId, EXECUTE_SERVICE_ACTIVITIES, done))
        .hasMessageContaining("materials cost must be 0 or more");
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isNotNull();
  }

  @Test
  void messageStartKeepsTheCallersRequestIdAndChannel() {
    Map<String, Object> request = vpnRequest();
    request.put(Variables.CHANNEL, "API");

    ProcessInstance instance = submitMessage("REQ-4711", request);

    assertThat(instance).hasPassed(SERVICE_REQUEST_SUBMITTED, RECEIVE_REQUEST).isWaitingAt(PLAN_DELIVERY);
    assertThat(instance).hasBusinessKey("REQ-4711").hasVariables(Variables.RESPONSE_DUE_AT);
    assertThat(records.get("REQ-4711").channel()).isEqualTo("API");
  }

  @Test
  void impactAndUrgencyGiveThePriorityThroughThePriorityMatrix() {
    Map<String, Object> request = vpnRequest();
    request.remove(Variables.PRIORITY);
    request.put(Variables.IMPACT, "HIGH");
    request.put(Variables.URGENCY, "HIGH");

    ProcessInstance instance = submitMessage("REQ-4712", request);

    SlaTarget critical = catalog.get(SERVICE).slaFor(Priority.CRITICAL).orElseThrow();
    assertThat(instance).hasPassed(PRIORITY_GIVEN, DETERMINE_PRIORITY, VALIDATE_REQUEST).isWaitingAt(PLAN_DELIVERY);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.PRIORITY, "CRITICAL")
        .containsEntry(Variables.RESPONSE_DUE_AT, Date.from(T0.plus(critical.response())));
  }

  @Test
  void requestWithNeitherPriorityNorImpactAndUrgencyIsRejected() {
    Map<String, Object> request = vpnRequest();
    request.remove(Variables.PRIORITY);

    ProcessInstance instance = submitMessage(null, request);
    executeAsyncJobs();

    assertThat(instance).hasPassed(DETERMINE_PRIORITY, REQUEST_REJECTED).isEnded();
    assertThat(records.get(instance.getBusinessKey()).outcomeReason())
        .isEqualTo("The priority is missing: give a priority, or an impact and an urgency of HIGH, MEDIUM or LOW.");
  }

  @Test
  void messageFromAnUnknownChannelIsRejected() {
    Map<String, Object> request = vpnRequest();
    request.put(Variables.CHANNEL, "fax");

    ProcessInstance instance = submitMessage(null, request);
    executeAsyncJobs();

    assertThat(instance).hasPassed(REQUEST_REJECTED).isEnded();
    ServiceDeliveryRecord record = records.get(instance.getBusinessKey());
    assertThat(record.channel()).isEqualTo("FAX");
    assertThat(record.outcomeReason())
        .isEqualTo("The channel 'FAX' is not one of PORTAL, API, SERVICE_DESK, SALES_ORDER, EMAIL.");
  }

  @Test
  void invalidRequestIsRejectedAndTheRequesterToldWhy() {
    Map<String, Object> request = vpnRequest();
    request.put(Variables.SERVICE_CODE, "TELEPORTATION");
    request.put(Variables.PRIORITY, "URGENT");
    request.remove(Variables.TITLE);

    ProcessInstance instance = submitOrderForm(request);
    String requestId = instance.getBusinessKey();
    assertThat(instance).hasPassed(CLOSE_REJECTED_REQUEST, NOTIFY_REJECTION).isEnded();
    executeAsyncJobs();

    assertThat(instance)
        .hasPassed(VALIDATE_REQUEST, REQUEST_INVALID, CLOSE_REJECTED_REQUEST, NOTIFY_REJECTION, REQUEST_REJECTED)
        .hasNotPassed(PLAN_DELIVERY)
        .isEnded();
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.REJECTED);
    assertThat(record.outcomeReason())
        .contains("The title is missing.")
        .contains("The priority 'URGENT' is not one of CRITICAL, HIGH, MEDIUM, LOW.")
        .contains("The service catalog has no service 'TELEPORTATION'.");
    assertThat(record.firstTimeRight()).isNull();
    assertThat(timeline.timelineOf(requestId))
        .extracting(TimelineEntry::event)
        .containsExactly(CustomerEvent.RECEIVED, CustomerEvent.REJECTED);
    assertThat(notifications.outboxOf(requestId))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.type()).isEqualTo("REQUEST_REJECTED");
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.body()).contains("The service catalog has no service 'TELEPORTATION'.");
            });
  }

  @Test
  void rejectionOfARequestWithoutEmailGoesToTheServiceCoordinators() {
    Map<String, Object> request = vpnRequest();
    request.remove(Variables.REQUESTER_EMAIL);

    String requestId = submitOrderForm(request).getBusinessKey();
    executeAsyncJobs();

    assertThat(notifications.outboxOf(requestId))
        .extracting(OutboxNotification::recipient)
        .contains("coordinator@servicedelivery.example")
        .doesNotContain("staff1@servicedelivery.example");
    assertThat(records.get(requestId).outcomeReason()).contains("The requester e-mail is missing.");
  }

  @Test
  void reportedIssueGoesToCorrectiveActionAndBackToExecutionWhenMoreWorkIsNeeded() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    setClock(T0.plus(Duration.ofHours(6)));

    reportIssue(requestId, "Firewall team has not opened the VPN port yet");

    assertThat(instance).isWaitingAt(TAKE_CORRECTIVE_ACTION);
    assertThat(task(requestId, TAKE_CORRECTIVE_ACTION)).hasCandidateGroup("operations-managers");
    assertThat(instance)
        .variables()
        .containsEntry(Variables.ISSUES_OR_DELAYS, true)
        .containsEntry(Variables.SLA_CONSUMED_PERCENT, 75)
        .containsEntry(Variables.SLA_REMAINING_MINUTES, 120)
        .containsEntry(Variables.SLA_STATE, "AT_RISK")
        .hasEntrySatisfying(
            Variables.MONITORING_SUMMARY,
            summary ->
                assertThat((String) summary)
                    .contains("Firewall team has not opened the VPN port yet")
                    .contains("75 % of the resolution time used, due Mon 23 Nov 2026, 16:00 UTC.")
                    .endsWith("The SLA is at risk."));

    takeCorrectiveAction(requestId, "Escalated to the firewall team lead, port opens today", "MORE_WORK");

    assertThat(instance).hasPassed(MORE_WORK_NEEDED).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isAssignedTo("staff2");

    reportDone(requestId, 2);
    reviewQuality(requestId, "PASSED", null);
    confirmDelivery(requestId);
    executeAsyncJobs();

    assertThat(instance).hasPassed(REQUEST_CLOSED).isEnded();
    assertThat(records.get(requestId).firstTimeRight()).isTrue();
  }

  @Test
  void correctiveActionThatResolvesTheIssueContinuesToCompletion() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    reportIssue(requestId, "User is on holiday until tomorrow");

    takeCorrectiveAction(requestId, "Tested the VPN with the user's deputy, who confirmed it works", "RESOLVED");

    assertThat(instance).isWaitingAt(VERIFY_COMPLETION);
    assertThat(instance).variables().containsEntry(Variables.ISSUES_OR_DELAYS, false);
    assertThat(passes(instance, EXECUTE_SERVICE_ACTIVITIES)).isEqualTo(1);
    assertThat(passes(instance, MONITOR_PROGRESS)).isEqualTo(2);
  }

  @Test
  void laterIssueIsNotHiddenByAnEarlierResolvedOne() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    reportIssue(requestId, "User is on holiday until tomorrow");
    takeCorrectiveAction(requestId, "Deputy confirmed", "RESOLVED");
    reviewQuality(requestId, "FAILED", "The data owner's approval is missing");

    reportIssue(requestId, "Data owner does not answer");

    assertThat(instance).isWaitingAt(TAKE_CORRECTIVE_ACTION);
  }

  @Test
  void assigneeAsksTheCustomerAndContinuesWithTheAnswer() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();

    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        Map.of(
            QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(List.of()),
            Variables.PROGRESS_STATUS, "WAITING_FOR_CUSTOMER",
            Variables.PROGRESS_REPORT, "Prepared the VPN profile",
            Variables.CUSTOMER_QUESTION, "Which device will your colleague use: the company laptop or a tablet?",
            Variables.EFFORT_HOURS, 0.5));
    executeAsyncJobs();

    assertThat(instance)
        .hasPassed(CUSTOMER_INPUT_NEEDED, ASK_CUSTOMER)
        .hasNotPassed(MONITOR_PROGRESS)
        .isWaitingAt(WAIT_FOR_CUSTOMER);
    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.recipient().equals(REQUESTER_EMAIL))
        .anySatisfy(
            mail -> {
              assertThat(mail.subject()).contains(requestId);
              assertThat(mail.body()).contains("the company laptop or a tablet?");
            });
    assertThat(records.get(requestId).customerStatus()).isEqualTo(CustomerEvent.WAITING_FOR_YOU);

    runtimeService
        .createMessageCorrelation(Messages.CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceId(instance.getId())
        .setVariable(Variables.CUSTOMER_RESPONSE, "The company laptop")
        .correlateWithResult();

    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isAssignedTo("staff2");
    assertThat(instance).variables().containsEntry(Variables.CUSTOMER_RESPONSE, "The company laptop");
    assertThat(timeline.timelineOf(requestId))
        .extracting(TimelineEntry::event)
        .containsExactly(
            CustomerEvent.RECEIVED,
            CustomerEvent.PLANNED,
            CustomerEvent.IN_PROGRESS,
            CustomerEvent.WAITING_FOR_YOU,
            CustomerEvent.IN_PROGRESS);

    reportDone(requestId, 1.5);
    reviewQuality(requestId, "PASSED", null);
    confirmDelivery(requestId);
    executeAsyncJobs();
    assertThat(instance).hasPassed(REQUEST_CLOSED).isEnded();
  }

  @Test
  void planningLaterThanTheResponseTimeIsEscalatedToTheOperationsManagers() {
    ProcessInstance instance = submitOrderForm(vpnRequest());
    String requestId = instance.getBusinessKey();
    executeAsyncJobs();
    SlaTarget sla = catalog.get(SERVICE).slaFor(Priority.HIGH).orElseThrow();
    Job responseTimer = timer(instance.getId(), RESPONSE_TIME_PASSED);
    assertThat(responseTimer.getDuedate()).isEqualTo(Date.from(T0.plus(sla.response())));

    setClock(T0.plus(sla.response()));
    managementService.executeJob(responseTimer.getId());
    executeAsyncJobs();

    assertThat(instance).hasPassed(ESCALATE_LATE_PLANNING, MANAGERS_ALERTED).isWaitingAt(PLAN_DELIVERY);
    assertThat(notifications.outboxOf(requestId))
        .filteredOn(mail -> mail.type().equals("RESPONSE_OVERDUE"))
        .extracting(OutboxNotification::recipient)
        .contains("manager@servicedelivery.example")
        .doesNotContain("coordinator@servicedelivery.example");
  }

  @Test
  void waitingForTheCustomerStopsTheResolutionClockAndMovesItsDueDates() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    SlaTarget sla = catalog.get(SERVICE).slaFor(Priority.HIGH).orElseThrow();
    setClock(T0.plus(Duration.ofHours(1)));
    askCustomer(requestId, "Which device will your colleague use?");

    assertThat(instance).isWaitingAt(WAIT_FOR_CUSTOMER);
    Instant answerDue = T0.plus(Duration.ofHours(1)).plus(Duration.ofDays(5));
    assertThat(timer(instance.getId(), SLA_BREACHED).getDuedate())
        .as("cannot fire while the customer may still answer")
        .isAfter(Date.from(answerDue));
    for (String timerId : SlaSchedule.RESOLUTION_TIMERS) {
      assertThat(timer(instance.getId(), timerId).getDuedate()).as(timerId).isAfter(Date.from(answerDue));
    }
    assertThat(timer(instance.getId(), NO_ANSWER_IN_TIME).getDuedate())
        .isEqualTo(Date.from(T0.plus(Duration.ofHours(1)).plus(Duration.ofDays(5))));
    assertThat(instance)
        .variables()
        .containsEntry(Variables.SLA_PAUSED, true)
        .containsEntry(Variables.SLA_STATE, "PAUSED")
        .containsEntry(Variables.SLA_REMAINING_MINUTES, 420)
        .containsEntry(Variables.SLA_CONSUMED_PERCENT, 13)
        .hasEntrySatisfying(
            Variables.SLA_SUMMARY,
            summary -> assertThat((String) summary).startsWith("Paused while waiting for the customer: 13 %"));

    setClock(T0.plus(Duration.ofHours(3)));
    answer(instance, "The company laptop");

    Duration paused = Duration.ofHours(2);
    Instant resolutionDue = T0.plus(sla.resolution()).plus(paused);
    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.RESOLUTION_DUE_AT, Date.from(resolutionDue))
        .containsEntry(Variables.SLA_PAUSED, false)
        .containsEntry(Variables.SLA_PAUSED_MINUTES, 120)
        .containsEntry(Variables.SLA_STATE, "ON_TRACK")
        .containsEntry(Variables.SLA_REMAINING_MINUTES, 420)
        .containsEntry(Variables.SLA_CONSUMED_PERCENT, 13);
    assertThat(timer(instance.getId(), SLA_BREACHED).getDuedate()).isEqualTo(Date.from(resolutionDue));
    assertWarningsAt(instance, T0.plus(paused), sla.resolution());
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES).getDueDate()).isEqualTo(Date.from(resolutionDue));
    assertThat(records.get(requestId).resolutionDueAt()).isEqualTo(resolutionDue);
    assertThat(pauseLog.pausesOf(requestId))
        .singleElement()
        .satisfies(
            pause -> {
              assertThat(pause.reason()).isEqualTo("Which device will your colleague use?");
              assertThat(pause.startedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
              assertThat(pause.endedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
              assertThat(pause.pausedMinutes()).isEqualTo(120);
            });
  }

  @Test
  void customerWhoDoesNotAnswerInTimeHasTheRequestClosedAsAbandoned() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    askCustomer(requestId, "Which device will your colleague use?");
    Job noAnswer = timer(instance.getId(), NO_ANSWER_IN_TIME);

    setClock(noAnswer.getDuedate().toInstant());
    managementService.executeJob(noAnswer.getId());
    executeAsyncJobs();

    assertThat(instance)
        .hasPassed(CUSTOMER_DID_NOT_ANSWER, REQUEST_ABANDONED, RELEASE_ABANDONED_RESOURCES, CLOSE_ABANDONED_REQUEST,
            NOTIFY_ABANDONMENT, REQUEST_CLOSED_UNANSWERED)
        .hasNotPassed(REQUEST_CLOSED)
        .isEnded();
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.ABANDONED);
    assertThat(record.outcomeReason()).contains("Which device will your colleague use?");
    assertThat(record.customerStatus()).isEqualTo(CustomerEvent.ABANDONED);
    assertThat(resourcePool.openReservationOf(requestId)).isEmpty();
    assertThat(pauseLog.pausesOf(requestId)).singleElement().satisfies(pause -> assertThat(pause.endedAt()).isNotNull());
    assertThat(notifications.outboxOf(requestId))
        .extracting(OutboxNotification::type)
        .contains("WAITING_FOR_CUSTOMER", "REQUEST_ABANDONED");
  }

  @Test
  void priorityChangeRecomputesTheDueDatesFromTheStartAndMovesTheTimers() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    SlaTarget critical = catalog.get(SERVICE).slaFor(Priority.CRITICAL).orElseThrow();
    setClock(T0.plus(Duration.ofHours(1)));

    runtimeService.setVariable(instance.getId(), Variables.NEW_PRIORITY, "CRITICAL");

    Instant resolutionDue = T0.plus(critical.resolution());
    assertThat(instance).hasPassed(PRIORITY_CHANGE_REQUESTED, RECALCULATE_SLA, SLA_RECALCULATED);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.PRIORITY, "CRITICAL")
        .containsEntry(Variables.RESPONSE_DUE_AT, Date.from(T0.plus(critical.response())))
        .containsEntry(Variables.RESOLUTION_DUE_AT, Date.from(resolutionDue))
        .doesNotContainKey(Variables.NEW_PRIORITY);
    assertThat(timer(instance.getId(), SLA_BREACHED).getDuedate()).isEqualTo(Date.from(resolutionDue));
    assertWarningsAt(instance, T0, critical.resolution());
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES).getDueDate()).isEqualTo(Date.from(resolutionDue));
    assertThat(records.get(requestId).priority()).isEqualTo("CRITICAL");
  }

  @Test
  void managersChangeThePriorityInTheCorrectiveActionFormToo() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    reportIssue(requestId, "The user is abroad for three weeks");
    SlaTarget low = catalog.get(SERVICE).slaFor(Priority.LOW).orElseThrow();
    assertThat(low.resolutionMinutes()).isEqualTo(72 * 60);
    assertThat(low.resolutionCalendar()).isEqualTo("OFFICE_BERLIN");

    complete(
        requestId,
        TAKE_CORRECTIVE_ACTION,
        Map.of(
            Variables.CORRECTIVE_ACTION, "Agreed with the customer to deliver after the trip",
            Variables.CORRECTIVE_OUTCOME, "MORE_WORK",
            Variables.NEW_PRIORITY, "LOW",
            Variables.PRIORITY_CHANGE_REASON, "The customer does not need it before the trip"));

    assertThat(instance).hasPassed(RECALCULATE_SLA).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.PRIORITY, "LOW")
        .containsEntry(Variables.RESOLUTION_CALENDAR, "OFFICE_BERLIN");
    // 72 office hours from Monday 09:00 in Berlin: 9 h Monday, 10 h each of the next six working days, 3 h Wednesday
    Instant resolutionDue = Instant.parse("2026-12-02T10:00:00Z");
    assertThat(instance).variables().containsEntry(Variables.RESOLUTION_DUE_AT, Date.from(resolutionDue));
    assertThat(timer(instance.getId(), SLA_BREACHED).getDuedate()).isEqualTo(Date.from(resolutionDue));
  }

  @Test
  void failedQualityCheckSendsTheWorkBackForReworkUntilItPasses() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    List<String> checklist = catalog.get(SERVICE).checklist();

    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        report("DONE", checklist.subList(1, checklist.size()), "VPN profile deployed, tested with the user", 1));

    assertThat((String) calledInstanceVariable(requestId, QualityControlProcess.Variables.AUTOMATED_CHECK_FINDINGS))
        .startsWith("FAIL Checklist: Mandatory items not confirmed: " + checklist.get(0) + "\n");
    reviewQuality(requestId, "FAILED", "The data owner's approval is not documented");

    assertThat(instance).hasPassed(REGISTER_REWORK).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.REWORK_COUNT, 1)
        .containsEntry(QualityControlProcess.Variables.QUALITY_FINDINGS, "The data owner's approval is not documented");
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isAssignedTo("staff2");
    assertThat(resourcePool.openReservationOf(requestId)).contains("staff2");

    reportDone(requestId, 2);
    reviewQuality(requestId, "PASSED", null);
    confirmDelivery(requestId);
    executeAsyncJobs();

    assertThat(instance).hasPassed(REQUEST_CLOSED).isEnded();
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.firstTimeRight()).isFalse();
    assertThat(record.reworkCount()).isEqualTo(1);
    assertThat(record.effortHours()).isEqualByComparingTo(BigDecimal.valueOf(2));
  }

  @Test
  void theSecondFailedReviewOpensACapaLinkedToTheRequestAndTheRecordCountsBothReworks() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();

    reportDone(requestId, 1);
    reviewQuality(requestId, "FAILED", "The data owner's approval is not documented");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CapaProcess.KEY).count()).isZero();

    reportDone(requestId, 1.5);
    assertThat(calledInstanceVariable(requestId, QualityControlProcess.Variables.PREVIOUS_FINDINGS))
        .isEqualTo("Round 1, Minor: The data owner's approval is not documented");
    reviewQuality(requestId, "FAILED", "The approval is still missing");

    ProcessInstance capa = runtimeService.createProcessInstanceQuery().processDefinitionKey(CapaProcess.KEY).singleResult();
    assertThat(capa).isWaitingAt(ANALYSE_ROOT_CAUSE);
    assertThat(capas.ofRequest(requestId)).containsExactly(capa.getBusinessKey());
    assertThat(capa).variables().containsEntry(CapaProcess.Variables.CAPA_REQUESTS, requestId + ", round 2: REPEATED_FAILURE");
    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(instance).variables().containsEntry(QualityControlProcess.Variables.QUALITY_FINDINGS, "The approval is still missing");

    reportDone(requestId, 2);
    reviewQuality(requestId, "PASSED", null);
    confirmDelivery(requestId);
    executeAsyncJobs();

    assertThat(instance).hasPassed(REQUEST_CLOSED).isEnded();
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.firstTimeRight()).isFalse();
    assertThat(record.reworkCount()).isEqualTo(2);
    assertThat(capa).isWaitingAt(ANALYSE_ROOT_CAUSE);
  }

  @Test
  void nobodyAvailableSendsThePlanToTheResourceAnalysts() {
    resourcePool.setAvailable("staff2", false);
    ProcessInstance instance = submitOrderForm(vpnRequest());
    String requestId = instance.getBusinessKey();

    planDelivery(requestId);

    assertThat(instance).isWaitingAt(ALLOCATE_RESOURCES);
    Task replan = task(requestId, REPLAN_RESOURCES);
    assertThat(replan).hasCandidateGroup("resource-analysts");
    assertThat(calledInstanceVariable(requestId, ResourceAllocationProcess.Variables.ALLOCATION_NOTE))
        .asString()
        .contains("Noor Network (not available)");

    resourcePool.setAvailable("staff2", true);
    taskService.complete(
        replan.getId(),
        Map.of(
            ResourceAllocationProcess.Variables.REPLAN_NOTE, "staff2 is back from training",
            ResourceAllocationProcess.Variables.REPLAN_DECISION, ResourceAllocationProcess.Values.REPLAN_ASSIGN,
            ResourceAllocationProcess.Variables.PREFERRED_RESOURCE, "staff2"));

    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isAssignedTo("staff2");
  }

  @Test
  void anAbsenceOfTheAssigneeHandsTheirTaskAndReservationToSomebodyElseWhoFits() {
    jdbc.sql("insert into staff_skill (user_id, skill, skill_level) values ('staff1', 'network', 2)").update();
    try {
      ProcessInstance instance = startPlannedRequest();
      String requestId = instance.getBusinessKey();
      assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).as("the higher level").isAssignedTo("staff2");

      staffDirectory.addAbsence("staff2", sickFromT0());
      assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).as("handed over in a job of its own")
          .isAssignedTo("staff2");
      executeAsyncJobs();

      assertThat(instance)
          .hasPassed(ASSIGNEE_ABSENT, RELEASE_ABSENT_ASSIGNEE, REALLOCATE_RESOURCES, HAND_OVER_EXECUTION,
              EXECUTION_HANDED_OVER)
          .isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
      assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isAssignedTo("staff1");
      assertThat(resourcePool.openReservationOf(requestId)).contains("staff1");
      assertThat(runtimeService.getVariable(instance.getId(), Variables.ALLOCATED_RESOURCE)).isEqualTo("staff1");
      assertThat(jdbc.sql("select release_reason from resource_reservation where user_id = 'staff2'")
              .query(String.class)
              .single())
          .isEqualTo("REASSIGNED");
    } finally {
      jdbc.sql("delete from staff_skill where user_id = 'staff1' and skill = 'network'").update();
    }
  }

  @Test
  void anAbsenceOfTheAssigneeWhenNobodyElseFitsHasTheResourceAnalystsReplan() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();

    staffDirectory.addAbsence("staff2", sickFromT0());
    executeAsyncJobs();

    assertThat(instance).hasPassed(RELEASE_ABSENT_ASSIGNEE).isWaitingAt(REALLOCATE_RESOURCES);
    assertThat(resourcePool.openReservationOf(requestId)).isEmpty();
    Task replan = task(requestId, REPLAN_RESOURCES);
    assertThat(replan).hasCandidateGroup("resource-analysts");
    assertThat(calledInstanceVariable(requestId, ResourceAllocationProcess.Variables.ALLOCATION_NOTE))
        .isEqualTo("Nobody with the skill 'network' is available with free capacity: "
            + "Noor Network (absent during the planned window).");
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).as("until somebody is found").isAssignedTo("staff2");

    jdbc.sql("insert into staff_skill (user_id, skill, skill_level) values ('staff1', 'network', 2)").update();
    try {
      taskService.complete(
          replan.getId(),
          Map.of(
              ResourceAllocationProcess.Variables.REPLAN_NOTE, "staff1 covers network while staff2 is ill",
              ResourceAllocationProcess.Variables.REPLAN_DECISION, ResourceAllocationProcess.Values.REPLAN_ASSIGN,
              ResourceAllocationProcess.Variables.PREFERRED_RESOURCE, "staff1"));

      assertThat(instance).hasPassed(HAND_OVER_EXECUTION, EXECUTION_HANDED_OVER);
      assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isAssignedTo("staff1");
      assertThat(resourcePool.openReservationOf(requestId)).contains("staff1");
    } finally {
      jdbc.sql("delete from staff_skill where user_id = 'staff1' and skill = 'network'").update();
    }
  }

  private static NewAbsence sickFromT0() {
    return new NewAbsence(
        T0.atOffset(ZoneOffset.UTC), T0.plus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC), "Sick");
  }

  @Test
  void customerCancellationReleasesTheReservationAndEndsTheRequest() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();

    runtimeService
        .createMessageCorrelation(Messages.SERVICE_REQUEST_CANCELLED)
        .processInstanceBusinessKey(requestId)
        .setVariable(Variables.CANCELLATION_REASON, "The new colleague did not join after all")
        .correlateWithResult();
    executeAsyncJobs();

    assertThat(instance)
        .hasPassed(SERVICE_REQUEST_CANCELLED, RELEASE_RESOURCES, NOTIFY_CANCELLATION, REQUEST_CANCELLED)
        .hasNotPassed(REQUEST_CLOSED)
        .isEnded();
    assertThat(resourcePool.openReservationOf(requestId)).isEmpty();
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CANCELLED);
    assertThat(record.billingStatus()).as("only delivered requests are billed").isEqualTo(BillingStatus.NOT_BILLABLE);
    assertThat(record.outcomeReason()).isEqualTo("The new colleague did not join after all");
    assertThat(timeline.timelineOf(requestId))
        .extracting(TimelineEntry::event)
        .containsExactly(
            CustomerEvent.RECEIVED, CustomerEvent.PLANNED, CustomerEvent.IN_PROGRESS, CustomerEvent.CANCELLED);
    assertThat(notifications.outboxOf(requestId))
        .extracting(OutboxNotification::type, OutboxNotification::recipient)
        .containsExactly(
            tuple("REQUEST_ACKNOWLEDGED", REQUESTER_EMAIL), tuple("REQUEST_CANCELLED", REQUESTER_EMAIL));
  }

  @Test
  void slaWarningsFireAtHalfThreeQuartersAndNineTenthsOfTheResolutionTime() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    SlaTarget sla = catalog.get(SERVICE).slaFor(Priority.HIGH).orElseThrow();
    assertThat(sla.resolutionMinutes()).isEqualTo(480);
    assertThat(sla.warningPercents()).containsExactly(50, 75, 90);
    assertWarningsAt(instance, T0, sla.resolution());

    fireWarning(instance, SLA_WARNING_1_REACHED, T0.plus(Duration.ofHours(4)));
    assertThat(instance)
        .variables()
        .containsEntry(Variables.SLA_CONSUMED_PERCENT, 50)
        .containsEntry(Variables.SLA_REMAINING_MINUTES, 240)
        .containsEntry(Variables.SLA_CHECKED_AT, Date.from(T0.plus(Duration.ofHours(4))))
        .containsEntry(Variables.SLA_STATE, "ON_TRACK");

    fireWarning(instance, SLA_WARNING_2_REACHED, T0.plus(Duration.ofHours(6)));
    assertThat(instance)
        .variables()
        .containsEntry(Variables.SLA_CONSUMED_PERCENT, 75)
        .containsEntry(Variables.SLA_REMAINING_MINUTES, 120)
        .containsEntry(Variables.SLA_STATE, "AT_RISK")
        .containsEntry(
            Variables.SLA_SUMMARY,
            "At risk: 75 % of the resolution time used, 2 h 00 min of working time left until Mon 23 Nov 2026, "
                + "16:00 UTC. As of Mon 23 Nov 2026, 14:00 UTC.");

    fireWarning(instance, SLA_WARNING_3_REACHED, T0.plus(Duration.ofMinutes(432)));
    assertThat(instance)
        .variables()
        .containsEntry(Variables.SLA_CONSUMED_PERCENT, 90)
        .containsEntry(Variables.SLA_REMAINING_MINUTES, 48)
        .containsEntry(Variables.SLA_STATE, "AT_RISK");

    assertThat(passes(instance, SEND_SLA_WARNING)).isEqualTo(3);
    assertThat(instance).hasPassed("EndEvent_SlaWarningSent").isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(notifications.outboxOf(requestId))
        .filteredOn(mail -> mail.type().equals("SLA_WARNING"))
        .extracting(OutboxNotification::recipient)
        .filteredOn(recipient -> recipient.equals("staff2@servicedelivery.example"))
        .hasSize(3);
  }

  @Test
  void officeHoursSlaCountsOnlyWorkingTimeAndPausesOnlyWhatWasWorkingTime() {
    // MEDIUM counts in the Berlin office calendar, Mon-Fri 08:00-18:00: plan within 4 h, deliver within 24 h
    SlaTarget sla = catalog.get(SERVICE).slaFor(Priority.MEDIUM).orElseThrow();
    assertThat(sla.resolutionCalendar()).isEqualTo("OFFICE_BERLIN");
    assertThat(sla.resolutionMinutes()).isEqualTo(1440);
    // Friday 16:00 in Berlin: two working hours left that day, the rest counts from Monday 08:00
    setClock(Instant.parse("2026-11-27T15:00:00Z"));
    Map<String, Object> request = vpnRequest();
    request.put(Variables.PRIORITY, "MEDIUM");
    ProcessInstance instance = submitOrderForm(request);
    String requestId = instance.getBusinessKey();
    executeAsyncJobs();

    Instant responseDue = Instant.parse("2026-11-30T09:00:00Z"); // Monday 10:00: 2 h Friday + 2 h Monday
    Instant resolutionDue = Instant.parse("2026-12-02T09:00:00Z"); // Wednesday 10:00: 2 + 10 + 10 + 2 h
    assertThat(instance)
        .variables()
        .containsEntry(Variables.RESOLUTION_CALENDAR, "OFFICE_BERLIN")
        .containsEntry(Variables.RESPONSE_DUE_AT, Date.from(responseDue))
        .containsEntry(Variables.RESOLUTION_DUE_AT, Date.from(resolutionDue));
    assertThat(timer(instance.getId(), RESPONSE_TIME_PASSED).getDuedate()).isEqualTo(Date.from(responseDue));

    setClock(Instant.parse("2026-11-30T08:00:00Z"));
    planDelivery(requestId);
    assertThat(timer(instance.getId(), SLA_BREACHED).getDuedate()).isEqualTo(Date.from(resolutionDue));
    // 12 h: the end of Monday's working hours stays Monday 18:00, not Tuesday 08:00
    assertThat(timer(instance.getId(), SLA_WARNING_1_REACHED).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-11-30T17:00:00Z")));
    assertThat(timer(instance.getId(), SLA_WARNING_2_REACHED).getDuedate()) // 18 h: Tuesday 14:00
        .isEqualTo(Date.from(Instant.parse("2026-12-01T13:00:00Z")));
    assertThat(timer(instance.getId(), SLA_WARNING_3_REACHED).getDuedate()) // 21 h 36 min: Tuesday 17:36
        .isEqualTo(Date.from(Instant.parse("2026-12-01T16:36:00Z")));

    // asked Monday 17:00, answered Tuesday 09:00: 2 h of working time paused, not the 16 h of the night
    setClock(Instant.parse("2026-11-30T16:00:00Z"));
    askCustomer(requestId, "Which device will your colleague use?");
    assertThat(timer(instance.getId(), NO_ANSWER_IN_TIME).getDuedate())
        .as("five working days: Tuesday to Friday, then Monday")
        .isEqualTo(Date.from(Instant.parse("2026-12-07T16:00:00Z")));
    setClock(Instant.parse("2026-12-01T08:00:00Z"));
    answer(instance, "The company laptop");

    Instant movedDue = Instant.parse("2026-12-02T11:00:00Z"); // Wednesday 12:00
    assertThat(instance)
        .variables()
        .containsEntry(Variables.RESOLUTION_DUE_AT, Date.from(movedDue))
        .containsEntry(Variables.SLA_PAUSED_MINUTES, 120)
        .containsEntry(Variables.SLA_STATE, "ON_TRACK");
    assertThat(timer(instance.getId(), SLA_BREACHED).getDuedate()).isEqualTo(Date.from(movedDue));
    // the first warning had been due Monday 18:00, inside the pause: 1 h was left, so Tuesday 10:00
    assertThat(timer(instance.getId(), SLA_WARNING_1_REACHED).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-12-01T09:00:00Z")));
    assertThat(timer(instance.getId(), SLA_WARNING_2_REACHED).getDuedate()) // Tuesday 16:00
        .isEqualTo(Date.from(Instant.parse("2026-12-01T15:00:00Z")));
    assertThat(records.get(requestId).resolutionDueAt()).isEqualTo(movedDue);
  }

  @Test
  void theFormsReadThePriorityByItsLabelAndTheTimesInTheCalendarsZoneWhereverTheyMove() {
    // MEDIUM counts in the Berlin office calendar: the request arrives on Friday 16:00 in Berlin
    setClock(Instant.parse("2026-11-27T15:00:00Z"));
    Map<String, Object> request = vpnRequest();
    request.put(Variables.PRIORITY, "MEDIUM");
    ProcessInstance instance = submitOrderForm(request);
    String requestId = instance.getBusinessKey();
    executeAsyncJobs();

    assertThat(instance)
        .variables()
        .containsEntry(Variables.PRIORITY_LABEL, "Medium")
        .containsEntry(Variables.RESPONSE_DUE_TEXT, "Mon 30 Nov 2026, 10:00 CET")
        .containsEntry(Variables.RESOLUTION_DUE_TEXT, "Wed 2 Dec 2026, 10:00 CET")
        .containsEntry(Variables.PLAN_TIME_ZONE_TEXT, "Europe/Berlin (CET)")
        .hasEntrySatisfying(
            Variables.SLA_SUMMARY, summary -> assertThat((String) summary).contains("Wed 2 Dec 2026, 10:00 CET"));

    // the form submits the plan as wall-clock times without an offset: Berlin's, wherever the coordinator is
    setClock(Instant.parse("2026-11-30T08:00:00Z"));
    Map<String, Object> plan =
        new HashMap<>(
            Map.of(
                Variables.PLANNED_START, "2026-12-01T09:00",
                Variables.PLANNED_COMPLETION, "2026-12-02T16:30",
                Variables.DELIVERY_INSTRUCTIONS, "Use the standard VPN profile for remote staff"));
    assertThatThrownBy(() -> complete(requestId, PLAN_DELIVERY, plan))
        .hasMessageContaining(
            "planDeviationReason: is required: the plan ends Wed 2 Dec 2026, 16:30 CET, after the resolution due time "
                + "Wed 2 Dec 2026, 10:00 CET");
    assertThat(instance).isWaitingAt(PLAN_DELIVERY);
    plan.put(Variables.PLAN_DEVIATION_REASON, "The requester is on site on Wednesday afternoon only");
    complete(requestId, PLAN_DELIVERY, plan);

    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    Instant plannedStart = Instant.parse("2026-12-01T08:00:00Z");
    Instant plannedCompletion = Instant.parse("2026-12-02T15:30:00Z");
    assertThat(instance)
        .variables()
        .containsEntry(Variables.PLANNED_START, Date.from(plannedStart))
        .containsEntry(Variables.PLANNED_COMPLETION, Date.from(plannedCompletion))
        .containsEntry(Variables.PLANNED_START_TEXT, "Tue 1 Dec 2026, 09:00 CET")
        .containsEntry(Variables.PLANNED_COMPLETION_TEXT, "Wed 2 Dec 2026, 16:30 CET")
        .containsEntry(Variables.ALLOCATED_RESOURCE, "staff2")
        .containsEntry(Variables.ALLOCATED_RESOURCE_NAME, "Noor Network");
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.plannedStartAt()).isEqualTo(plannedStart);
    assertThat(record.plannedCompletionAt()).isEqualTo(plannedCompletion);
    assertThat(record.planDeviationReason()).isEqualTo("The requester is on site on Wednesday afternoon only");

    // a pause moves the resolution due time (2 h of working time), and what the forms read with it
    setClock(Instant.parse("2026-11-30T16:00:00Z"));
    askCustomer(requestId, "Which device will your colleague use?");
    setClock(Instant.parse("2026-12-01T08:00:00Z"));
    answer(instance, "The company laptop");
    assertThat(instance)
        .variables()
        .containsEntry(Variables.RESOLUTION_DUE_TEXT, "Wed 2 Dec 2026, 12:00 CET")
        .containsEntry(Variables.RESPONSE_DUE_TEXT, "Mon 30 Nov 2026, 10:00 CET");

    // so does a priority change: HIGH counts around the clock, in UTC
    runtimeService.setVariable(instance.getId(), Variables.NEW_PRIORITY, "HIGH");
    Date resolutionDue = (Date) runtimeService.getVariable(instance.getId(), Variables.RESOLUTION_DUE_AT);
    Date responseDue = (Date) runtimeService.getVariable(instance.getId(), Variables.RESPONSE_DUE_AT);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.PRIORITY_LABEL, "High")
        .containsEntry(Variables.RESOLUTION_DUE_TEXT, ReadableTime.of(resolutionDue, ZoneId.of("UTC")))
        .containsEntry(Variables.RESPONSE_DUE_TEXT, ReadableTime.of(responseDue, ZoneId.of("UTC")))
        .containsEntry(Variables.PLANNED_START_TEXT, "Tue 1 Dec 2026, 08:00 UTC");
    assertThat((String) runtimeService.getVariable(instance.getId(), Variables.RESOLUTION_DUE_TEXT)).endsWith(" UTC");
    assertThat(recordViews.find(requestId))
        .hasValueSatisfying(
            view -> {
              assertThat(view.plannedStartAt()).isEqualTo(plannedStart);
              assertThat(view.planDeviationReason()).isEqualTo("The requester is on site on Wednesday afternoon only");
            });
  }

  @Test
  void slaBreachFlagsTheRecordAndAsksTheManagersForTheRootCause() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    SlaTarget sla = catalog.get(SERVICE).slaFor(Priority.HIGH).orElseThrow();
    Instant breachDue = T0.plus(sla.resolution());

    Job breach = timer(instance.getId(), SLA_BREACHED);
    assertThat(breach.getDuedate()).isEqualTo(Date.from(breachDue));

    setClock(breachDue);
    managementService.executeJob(breach.getId());

    assertThat(instance).hasPassed(FLAG_SLA_BREACH).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES, HANDLE_SLA_BREACH);
    assertThat(task(requestId, HANDLE_SLA_BREACH)).hasCandidateGroup("operations-managers");
    assertThat(instance)
        .variables()
        .containsEntry(Variables.SLA_STATE, "BREACHED")
        .containsEntry(Variables.SLA_CONSUMED_PERCENT, 100)
        .containsEntry(Variables.SLA_REMAINING_MINUTES, 0)
        .containsEntry(
            Variables.SLA_SUMMARY,
            "Breached: 100 % of the resolution time used, due Mon 23 Nov 2026, 16:00 UTC. "
                + "As of Mon 23 Nov 2026, 16:00 UTC.");
    assertThat(records.get(requestId).slaBreachedAt()).isEqualTo(breachDue);

    setClock(breachDue.plus(Duration.ofHours(1)));
    reportDone(requestId, 3);
    reviewQuality(requestId, "PASSED", null);
    executeAsyncJobs();
    ServiceDeliveryRecord resolved = records.get(requestId);
    assertThat(resolved.resolvedAt()).isEqualTo(breachDue.plus(Duration.ofHours(1)));
    assertThat(resolved.resolutionMet()).as("judged at the resolution").isFalse();
    confirmDelivery(requestId);
    executeAsyncJobs();

    assertThat(instance).hasPassed(REQUEST_CLOSED).isNotEnded().isWaitingAt(HANDLE_SLA_BREACH);
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.resolutionMet()).isFalse();
    assertThat(record.responseMet()).isTrue();

    complete(
        requestId,
        HANDLE_SLA_BREACH,
        Map.of(
            Variables.BREACH_CAUSE, "SUPPLIER_DELAY",
            Variables.BREACH_ANALYSIS, "The firewall vendor needed two days for the change",
            Variables.PREVENTIVE_ACTION, "Pre-approved firewall change template for VPN access"));

    assertThat(instance).hasPassed("EndEvent_SlaBreachHandled").isEnded();
  }

  @Test
  void anObjectionReopensTheRequestAsReworkWithTheCustomersWordsAndTheSlaClockRunsAgainWhereItStood() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    SlaTarget sla = catalog.get(SERVICE).slaFor(Priority.HIGH).orElseThrow(); // 8 h, 24x7
    fireWarning(instance, SLA_WARNING_1_REACHED, T0.plus(Duration.ofHours(4)));
    setClock(T0.plus(Duration.ofHours(5)));
    reportDone(requestId, 1);
    reviewQuality(requestId, "PASSED", null);
    executeAsyncJobs();
    assertThat(instance).isWaitingAt(AWAIT_CONFIRMATION);
    assertThat(records.get(requestId).resolutionMet()).isTrue();

    // a day later the customer objects: the day of waiting does not count
    setClock(T0.plus(Duration.ofHours(29)));
    runtimeService
        .createMessageCorrelation(Messages.DELIVERY_OBJECTED)
        .processInstanceBusinessKey(requestId)
        .setVariable(Variables.CUSTOMER_OBJECTION, "The VPN drops every ten minutes")
        .correlateWithResult();

    assertThat(instance)
        .hasPassed(DELIVERY_OBJECTED, REOPEN_REQUEST, DELIVERY_MERGE)
        .hasNotPassed(CLOSE_REQUEST)
        .isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    Task again = task(requestId, EXECUTE_SERVICE_ACTIVITIES);
    assertThat(again).isAssignedTo("staff2");
    assertThat(resourcePool.openReservationOf(requestId)).contains("staff2");
    assertThat(formService.getTaskFormVariables(again.getId()).getValueTyped(Variables.CUSTOMER_OBJECTION).getValue())
        .isEqualTo("The VPN drops every ten minutes");
    Duration waited = Duration.ofHours(24);
    Instant resolutionDue = T0.plus(sla.resolution()).plus(waited);
    assertThat(instance)
        .variables()
        .containsEntry(Variables.RESOLUTION_DUE_AT, Date.from(resolutionDue))
        .containsEntry(Variables.SLA_PAUSED, false)
        .containsEntry(Variables.SLA_PAUSED_MINUTES, 24 * 60)
        .containsEntry(Variables.REOPEN_COUNT, 1)
        .containsEntry(Variables.SLA_STATE, "ON_TRACK");
    assertThat(timer(instance.getId(), SLA_BREACHED).getDuedate()).isEqualTo(Date.from(resolutionDue));
    assertWarningsAt(instance, T0.plus(waited), sla.resolution());
    assertThat(again.getDueDate()).isEqualTo(Date.from(resolutionDue));
    ServiceDeliveryRecord reopened = records.get(requestId);
    assertThat(reopened.resolutionDueAt()).isEqualTo(resolutionDue);
    assertThat(reopened.outcome()).isEqualTo(RequestOutcome.OPEN);
    assertThat(reopened.resolvedAt()).isNull();
    assertThat(reopened.reopenCount()).isEqualTo(1);
    assertThat(reopened.customerStatus()).isEqualTo(CustomerEvent.IN_PROGRESS);
    assertThat(objections.of(requestId))
        .extracting(DeliveryObjections.Objection::objection, DeliveryObjections.Objection::objectedAt)
        .containsExactly(tuple("The VPN drops every ten minutes", T0.plus(Duration.ofHours(29))));
    assertThat(notes.forCustomer(requestId))
        .extracting(Note::body)
        .containsExactly("Not as agreed: The VPN drops every ten minutes");
    assertThat(timeline.timelineOf(requestId))
        .extracting(TimelineEntry::event)
        .containsExactly(
            CustomerEvent.RECEIVED,
            CustomerEvent.PLANNED,
            CustomerEvent.IN_PROGRESS,
            CustomerEvent.COMPLETED,
            CustomerEvent.REOPENED,
            CustomerEvent.IN_PROGRESS);

    // the first warning was sent before the resolution: its timer fires again at once, and is not sent twice
    Job warning = timer(instance.getId(), SLA_WARNING_1_REACHED);
    assertThat(warning.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(28))));
    managementService.executeJob(warning.getId());
    executeAsyncJobs();
    assertThat(notifications.outboxOf(requestId))
        .filteredOn(mail -> mail.type().equals("SLA_WARNING"))
        .extracting(OutboxNotification::recipient)
        .filteredOn(recipient -> recipient.equals("staff2@servicedelivery.example"))
        .hasSize(1);

    setClock(T0.plus(Duration.ofHours(31)));
    reportDone(requestId, 1);
    reviewQuality(requestId, "PASSED", null);
    executeAsyncJobs();
    assertThat(instance).isWaitingAt(AWAIT_CONFIRMATION);
    assertThat(records.get(requestId).resolvedAt()).isEqualTo(T0.plus(Duration.ofHours(31)));
    assertThat(records.get(requestId).resolutionMet()).as("31 h <= 8 h + the day of waiting").isTrue();

    confirmDelivery(requestId);
    executeAsyncJobs();

    assertThat(instance).hasPassed(REQUEST_CLOSED).isEnded();
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.closedBy()).isEqualTo(ClosedBy.CONFIRMED);
    assertThat(record.reopenCount()).isEqualTo(1);
    assertThat(record.reworkCount()).isZero();
    assertThat(record.firstTimeRight()).as("reopened once").isFalse();
    assertThat(record.resolutionMet()).isTrue();
    assertThat(pauseLog.pausesOf(requestId))
        .extracting(pause -> pause.pausedMinutes())
        .containsExactly(24 * 60, null);
    assertThat(notifications.outboxOf(requestId))
        .extracting(OutboxNotification::type)
        .containsSubsequence("REQUEST_COMPLETED", "REQUEST_COMPLETED", "REQUEST_CLOSED");
  }

  @Test
  void aBreachedRequestReopenedAfterItsLateResolutionIsNotHandedToTheManagersTwice() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    SlaTarget sla = catalog.get(SERVICE).slaFor(Priority.HIGH).orElseThrow();
    Instant breachDue = T0.plus(sla.resolution());
    setClock(breachDue);
    managementService.executeJob(timer(instance.getId(), SLA_BREACHED).getId());
    assertThat(instance).hasPassed(FLAG_SLA_BREACH, FIRST_BREACH).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES, HANDLE_SLA_BREACH);
    setClock(breachDue.plus(Duration.ofHours(1)));
    reportDone(requestId, 3);
    reviewQuality(requestId, "PASSED", null);
    assertThat(records.get(requestId).resolutionMet()).isFalse();

    // two hours later the customer objects: the due date moves by them, and lies in the past still
    setClock(breachDue.plus(Duration.ofHours(3)));
    runtimeService
        .createMessageCorrelation(Messages.DELIVERY_OBJECTED)
        .processInstanceBusinessKey(requestId)
        .setVariable(Variables.CUSTOMER_OBJECTION, "Only works on the office network")
        .correlateWithResult();
    Job breachAgain = timer(instance.getId(), SLA_BREACHED);
    assertThat(breachAgain.getDuedate()).isEqualTo(Date.from(breachDue.plus(Duration.ofHours(2))));
    managementService.executeJob(breachAgain.getId());

    assertThat(instance).hasPassed(BREACH_HANDLED_BEFORE).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES, HANDLE_SLA_BREACH);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey(HANDLE_SLA_BREACH)
            .count())
        .isOne();
    assertThat(instance).variables().containsEntry(Variables.SLA_STATE, "BREACHED");
    assertThat(records.get(requestId).slaBreachedAt()).isEqualTo(breachDue);
  }

  @Test
  void silenceClosesTheRequestWhenTheConfirmationPeriodOfFiveWorkingDaysEnds() {
    // MEDIUM counts in the Berlin office calendar, Mon-Fri
    Map<String, Object> request = vpnRequest();
    request.put(Variables.PRIORITY, "MEDIUM");
    ProcessInstance instance = submitOrderForm(request);
    String requestId = instance.getBusinessKey();
    executeAsyncJobs();
    planDelivery(requestId);
    Instant resolvedAt = Instant.parse("2026-11-25T10:00:00Z"); // Wednesday 11:00 in Berlin
    setClock(resolvedAt);
    reportDone(requestId, 1);
    reviewQuality(requestId, "PASSED", null);
    executeAsyncJobs();

    // Thursday, Friday, Monday, Tuesday, Wednesday: the weekend does not count
    Instant confirmationDue = Instant.parse("2026-12-02T10:00:00Z");
    assertThat(instance)
        .isWaitingAt(AWAIT_CONFIRMATION)
        .variables()
        .containsEntry(Variables.RESOLUTION_CALENDAR, "OFFICE_BERLIN")
        .containsEntry(Variables.CONFIRMATION_DUE_AT, Date.from(confirmationDue));
    Job periodEnded = timer(instance.getId(), CONFIRMATION_PERIOD_ENDED);
    assertThat(periodEnded.getDuedate()).isEqualTo(Date.from(confirmationDue));
    assertThat(notifications.outboxOf(requestId))
        .filteredOn(mail -> mail.type().equals("REQUEST_COMPLETED"))
        .singleElement()
        .satisfies(mail -> assertThat(mail.body()).contains("Wed 2 Dec 2026, 11:00"));

    setClock(confirmationDue);
    managementService.executeJob(periodEnded.getId());
    executeAsyncJobs();

    assertThat(instance)
        .hasPassed(CONFIRMATION_PERIOD_ENDED, CLOSE_REQUEST, NOTIFY_CLOSURE, REQUEST_CLOSED)
        .hasNotPassed(DELIVERY_CONFIRMED, DELIVERY_OBJECTED)
        .isEnded();
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.closedBy()).isEqualTo(ClosedBy.NO_OBJECTION);
    assertThat(record.resolvedAt()).isEqualTo(resolvedAt);
    assertThat(record.closedAt()).isEqualTo(confirmationDue);
    assertThat(record.firstTimeRight()).isTrue();
    assertThat(record.customerStatus()).isEqualTo(CustomerEvent.CLOSED);
    assertThat(notifications.outboxOf(requestId))
        .extracting(OutboxNotification::type)
        .endsWith("REQUEST_COMPLETED", "REQUEST_CLOSED");
  }

  @Test
  void theCustomerIsRemindedOneWorkingDayBeforeTheRequestWouldBeClosedUnanswered() {
    setClock(Instant.parse("2026-11-30T08:00:00Z")); // Monday 09:00 in Berlin
    Map<String, Object> request = vpnRequest();
    request.put(Variables.PRIORITY, "MEDIUM");
    ProcessInstance instance = submitOrderForm(request);
    String requestId = instance.getBusinessKey();
    executeAsyncJobs();
    planDelivery(requestId);
    setClock(Instant.parse("2026-11-30T10:00:00Z"));
    askCustomer(requestId, "Which device will your colleague use?");

    Instant answerDue = Instant.parse("2026-12-07T10:00:00Z"); // the Monday after
    Instant reminderAt = Instant.parse("2026-12-04T10:00:00Z"); // one working day before: Friday, not Sunday
    assertThat(timer(instance.getId(), NO_ANSWER_IN_TIME).getDuedate()).isEqualTo(Date.from(answerDue));
    Job reminder = timer(instance.getId(), REMINDER_DUE);
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(reminderAt));
    assertThat(instance).variables().containsEntry(Variables.CUSTOMER_REMINDER_AT, Date.from(reminderAt));

    setClock(reminderAt);
    managementService.executeJob(reminder.getId());
    executeAsyncJobs();

    assertThat(instance)
        .hasPassed(REMINDER_DUE, REMIND_CUSTOMER, CUSTOMER_REMINDED)
        .isWaitingAt(WAIT_FOR_CUSTOMER);
    assertThat(timer(instance.getId(), NO_ANSWER_IN_TIME).getDuedate()).isEqualTo(Date.from(answerDue));
    assertThat(notifications.outboxOf(requestId))
        .filteredOn(mail -> mail.type().equals("CUSTOMER_REMINDER"))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.recipient()).isEqualTo(REQUESTER_EMAIL);
              assertThat(mail.subject()).contains("Reminder", requestId);
              assertThat(mail.body()).contains("Which device will your colleague use?");
            });

    answer(instance, "The company laptop");
    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private ProcessInstance submitOrderForm(Map<String, Object> request) {
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion()
            .singleResult()
            .getId();
    return formService.submitStartForm(definitionId, request);
  }

  /** The message a system sends; without a business key the request gets a new id. */
  private ProcessInstance submitMessage(String businessKey, Map<String, Object> request) {
    MessageCorrelationBuilder message =
        runtimeService.createMessageCorrelation(Messages.SERVICE_REQUEST_SUBMITTED).setVariables(request);
    if (businessKey != null) {
      message.processInstanceBusinessKey(businessKey);
    }
    return message.correlateStartMessage();
  }

  private ProcessInstance startPlannedRequest() {
    ProcessInstance instance = submitOrderForm(vpnRequest());
    executeAsyncJobs();
    planDelivery(instance.getBusinessKey());
    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    return instance;
  }

  private void reportDone(String requestId, double effortHours) {
    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        report("DONE", catalog.get(SERVICE).checklist(), "VPN profile deployed and tested with the user", effortHours));
  }

  private void askCustomer(String requestId, String question) {
    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        Map.of(
            QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(List.of()),
            Variables.PROGRESS_STATUS, "WAITING_FOR_CUSTOMER",
            Variables.PROGRESS_REPORT, "Prepared the VPN profile",
            Variables.CUSTOMER_QUESTION, question,
            Variables.EFFORT_HOURS, 0.5));
    executeAsyncJobs();
  }

  private void answer(ProcessInstance instance, String answer) {
    runtimeService
        .createMessageCorrelation(Messages.CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceId(instance.getId())
        .setVariable(Variables.CUSTOMER_RESPONSE, answer)
        .correlateWithResult();
  }

  private void reportIssue(String requestId, String issue) {
    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, report("ISSUE", List.of(), issue, 0.5));
  }

  private void takeCorrectiveAction(String requestId, String action, String outcome) {
    complete(
        requestId,
        TAKE_CORRECTIVE_ACTION,
        Map.of(Variables.CORRECTIVE_ACTION, action, Variables.CORRECTIVE_OUTCOME, outcome));
  }

  private static Map<String, Object> report(String status, List<String> confirmed, String report, double effort) {
    return Map.of(
        QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(confirmed),
        Variables.PROGRESS_STATUS, status,
        Variables.PROGRESS_REPORT, report,
        Variables.EFFORT_HOURS, effort);
  }

  private void reviewQuality(String requestId, String verdict, String findings) {
    Map<String, Object> review = new HashMap<>();
    review.put(QualityControlProcess.Variables.QUALITY_VERDICT, verdict);
    if (findings != null) {
      review.put(QualityControlProcess.Variables.QUALITY_FINDINGS, findings);
      review.put(QualityControlProcess.Variables.FINDING_SEVERITY, "MINOR");
    }
    complete(requestId, REVIEW_QUALITY, review);
  }

  private Object calledInstanceVariable(String requestId, String name) {
    ProcessInstance request =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(requestId)
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .singleResult();
    ProcessInstance called =
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(request.getId()).singleResult();
    return runtimeService.getVariable(called.getId(), name);
  }

  /** The three warnings at 50, 75 and 90 % of the resolution time, counted 24x7 from {@code start}. */
  private void assertWarningsAt(ProcessInstance instance, Instant start, Duration resolution) {
    assertThat(timer(instance.getId(), SLA_WARNING_1_REACHED).getDuedate())
        .isEqualTo(Date.from(start.plus(resolution.dividedBy(2))));
    assertThat(timer(instance.getId(), SLA_WARNING_2_REACHED).getDuedate())
        .isEqualTo(Date.from(start.plus(resolution.multipliedBy(3).dividedBy(4))));
    assertThat(timer(instance.getId(), SLA_WARNING_3_REACHED).getDuedate())
        .isEqualTo(Date.from(start.plus(resolution.multipliedBy(9).dividedBy(10))));
  }

  private void fireWarning(ProcessInstance instance, String warningId, Instant expectedDue) {
    Job warning = timer(instance.getId(), warningId);
    assertThat(warning.getDuedate()).isEqualTo(Date.from(expectedDue));
    setClock(expectedDue);
    managementService.executeJob(warning.getId());
    executeAsyncJobs();
  }

  private long passes(ProcessInstance instance, String activityId) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .count();
  }
}
