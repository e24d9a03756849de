package io.servicedelivery.catalog;

import static io.servicedelivery.catalog.CatalogChangeProcess.Elements.CATALOG_CHANGE_PROPOSED;
import static io.servicedelivery.catalog.CatalogChangeProcess.Elements.CATALOG_CHANGE_REJECTED;
import static io.servicedelivery.catalog.CatalogChangeProcess.Elements.CATALOG_VERSION_PUBLISHED;
import static io.servicedelivery.catalog.CatalogChangeProcess.Elements.PUBLISH_CATALOG_VERSION;
import static io.servicedelivery.catalog.CatalogChangeProcess.Elements.RECORD_CATALOG_REJECTION;
import static io.servicedelivery.catalog.CatalogChangeProcess.Elements.REVIEW_CATALOG_CHANGE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.REQUEST_CLOSED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_BREACHED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_2_REACHED;
import static io.servicedelivery.identity.Groups.OPERATIONS_MANAGERS;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.CatalogProposals;
import io.servicedelivery.testsupport.ProcessTest;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every path of {@code bpmn/catalog-change.bpmn}: a change is approved and takes effect at its time, or rejected and
 * changes nothing; the proposer never reviews their own change; and requests already running keep the catalog
 * version and SLA they were validated against.
 */
@ProcessTest
class CatalogChangeProcessTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    // primary: the coverage library also registers a default bean that would otherwise win
    @Bean
    @Primary
    ProcessEngineCoverageProperties catalogChangeCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(ServiceDeliveryProcess.KEY, ResourceAllocationProcess.KEY, QualityControlProcess.KEY, CapaProcess.KEY, NotificationProcess.KEY)
          .build();
    }
  }

  private static final String PROPOSER = "manager";
  /** a second operations manager, who may review what {@link #PROPOSER} proposes */
  private static final String REVIEWER = "manager-two";
  private static final List<String> MANAGERS = List.of(OPERATIONS_MANAGERS);

  @Autowired CatalogChanges changes;
  @Autowired ServiceCatalog catalog;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired ServiceDeliveryRecords records;
  @Autowired Validator validator;

  @BeforeEach
  void secondOperationsManager() {
    if (identityService.createUserQuery().userId(REVIEWER).count() == 0) {
      User user = identityService.newUser(REVIEWER);
      user.setPassword(REVIEWER);
      identityService.saveUser(user);
      identityService.createMembership(REVIEWER, OPERATIONS_MANAGERS);
    }
  }

  @AfterEach
  void removeCatalogChanges() {
    identityService.clearAuthentication();
    CatalogProposals.removeCatalogChanges(jdbc);
  }

  @Test
  void approvedChangeBecomesTheNextVersionAtTheStatedTime() {
    Instant effectiveFrom = T0.plus(Duration.ofDays(1));
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY"))
                .sla(Priority.HIGH, 60, 600)
                .addChecklistItem("Backup verified")
                .costRatePerHour("95.00")
                .effectiveFrom(effectiveFrom)
                .reason("Faster restores with the new backup system")
                .build(),
            PROPOSER);

    assertThat(change.status()).isEqualTo(ChangeStatus.PENDING_REVIEW);
    assertThat(change.baseVersion()).isEqualTo(1);
    assertThat(change.changes())
        .containsExactly(
            "Cost rate: 90.00 → 95.00 EUR/h",
            "Checklist: + Backup verified",
            "SLA High resolution: 720 → 600 minutes");
    ProcessInstance instance = instanceOf(change);
    assertThat(instance).hasPassed(CATALOG_CHANGE_PROPOSED).isWaitingAt(REVIEW_CATALOG_CHANGE);
    assertThat(instance)
        .variables()
        .containsEntry(CatalogChangeProcess.Variables.CATALOG_CHANGE_REQUEST_ID, change.id())
        .containsEntry(CatalogChangeProcess.Variables.CATALOG_CHANGE_SERVICE_CODE, "DATA_RECOVERY")
        .containsEntry(CatalogChangeProcess.Variables.CATALOG_CHANGE_PROPOSED_BY, PROPOSER)
        .containsEntry(CatalogChangeProcess.Variables.CATALOG_CHANGE_EFFECTIVE_FROM, Date.from(effectiveFrom))
        .containsEntry(CatalogChangeProcess.Variables.CATALOG_CHANGE_REASON, "Faster restores with the new backup system")
        .containsEntry(
            CatalogChangeProcess.Variables.CATALOG_CHANGE_SUMMARY,
            "Cost rate: 90.00 → 95.00 EUR/h\nChecklist: + Backup verified\nSLA High resolution: 720 → 600 minutes");
    Task review = reviewTask(change);
    assertThat(review).hasCandidateGroup(OPERATIONS_MANAGERS);
    assertThat(review.getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofDays(2))));

    decideAs(REVIEWER, change, "APPROVE", null);

    assertThat(instance).hasPassed(PUBLISH_CATALOG_VERSION, CATALOG_VERSION_PUBLISHED).isEnded();
    assertThat(changes.get(change.id()))
        .satisfies(
            approved -> {
              assertThat(approved.status()).isEqualTo(ChangeStatus.APPROVED);
              assertThat(approved.reviewedBy()).isEqualTo(REVIEWER);
              assertThat(approved.reviewedAt()).isEqualTo(T0);
              assertThat(approved.resultingVersion()).isEqualTo(2);
            });
    assertThat(catalog.find("DATA_RECOVERY").orElseThrow().version()).isEqualTo(1);
    setClock(effectiveFrom.minusSeconds(1));
    assertThat(catalog.find("DATA_RECOVERY").orElseThrow().version()).isEqualTo(1);
    setClock(effectiveFrom);
    ServiceDefinition current = catalog.get("DATA_RECOVERY");
    assertThat(current.version()).isEqualTo(2);
    assertThat(current.effectiveFrom()).isEqualTo(effectiveFrom);
    assertThat(current.slaFor(Priority.HIGH).orElseThrow().resolutionMinutes()).isEqualTo(600);
    assertThat(current.checklist()).endsWith("Backup verified").hasSize(5);
    assertThat(current.costRatePerHour()).isEqualByComparingTo("95");
    assertThat(catalog.find("DATA_RECOVERY", 1).orElseThrow().slaFor(Priority.HIGH).orElseThrow().resolutionMinutes())
        .isEqualTo(720);
    assertThat(catalog.versions("DATA_RECOVERY"))
        .extracting(CatalogVersion::version, CatalogVersion::proposedBy, CatalogVersion::approvedBy,
            CatalogVersion::changeRequestId)
        .containsExactly(
            Tuple.tuple(2, PROPOSER, REVIEWER, change.id()),
            Tuple.tuple(1, null, null, null));
  }

  @Test
  void rejectedChangeLeavesTheCatalogAsItIs() {
    ServiceDefinition before = catalog.get("DATA_RECOVERY");
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(before).sla(Priority.CRITICAL, 15, 120).effectiveFrom(T0).build(), PROPOSER);
    ProcessInstance instance = instanceOf(change);

    decideAs(REVIEWER, change, "REJECT", "Two hours for a critical restore cannot be staffed");

    assertThat(instance)
        .hasPassed(RECORD_CATALOG_REJECTION, CATALOG_CHANGE_REJECTED)
        .hasNotPassed(PUBLISH_CATALOG_VERSION)
        .isEnded();
    CatalogChangeRequest rejected = changes.get(change.id());
    assertThat(rejected.status()).isEqualTo(ChangeStatus.REJECTED);
    assertThat(rejected.reviewedBy()).isEqualTo(REVIEWER);
    assertThat(rejected.decisionComment()).isEqualTo("Two hours for a critical restore cannot be staffed");
    assertThat(rejected.resultingVersion()).isNull();
    assertThat(catalog.get("DATA_RECOVERY")).isEqualTo(before);
    assertThat(catalog.versions("DATA_RECOVERY")).extracting(CatalogVersion::version).containsExactly(1);
  }

  @Test
  void theReviewShowsTheProposerByNameAndWhenTheChangeTakesEffectInTheBusinessCalendarsZone() {
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY"))
                .sla(Priority.HIGH, 60, 600)
                .effectiveFrom(T0.plus(Duration.ofDays(1)))
                .build(),
            PROPOSER);

    assertThat(instanceOf(change))
        .variables()
        .containsEntry(CatalogChangeProcess.Variables.CATALOG_CHANGE_PROPOSED_BY_NAME, "Maria Lopez")
        .containsEntry(CatalogChangeProcess.Variables.CATALOG_CHANGE_EFFECTIVE_FROM_TEXT, "Tue 24 Nov 2026, 09:00 CET");
  }

  @Test
  void rejectionWithoutACommentIsRefusedAndTheReviewStaysOpen() {
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY")).sla(Priority.LOW, 480, 4000).effectiveFrom(T0).build(),
            PROPOSER);

    assertThatThrownBy(() -> decideAs(REVIEWER, change, "REJECT", " "))
        .hasMessageContaining("a rejection needs a comment");

    assertThat(instanceOf(change)).isWaitingAt(REVIEW_CATALOG_CHANGE);
    assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.PENDING_REVIEW);
  }

  @Test
  void proposerNeitherSeesNorClaimsNorCompletesTheReviewOfTheirChange() {
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY")).sla(Priority.MEDIUM, 240, 2000).effectiveFrom(T0)
                .build(),
            PROPOSER);
    ProcessInstance instance = instanceOf(change);
    Task review = reviewTask(change);

    identityService.setAuthentication(PROPOSER, MANAGERS);
    assertThat(taskService.createTaskQuery().list()).isEmpty();
    assertThat(taskService.createTaskQuery().taskCandidateGroup(OPERATIONS_MANAGERS).count()).isZero();
    assertThatThrownBy(() -> taskService.claim(review.getId(), PROPOSER)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(review.getId(), decision("APPROVE", null)))
        .isInstanceOf(AuthorizationException.class);
    identityService.setAuthentication(REVIEWER, MANAGERS);
    assertThat(taskService.createTaskQuery().list()).extracting(Task::getId).containsExactly(review.getId());
    identityService.clearAuthentication();

    assertThat(instance).isWaitingAt(REVIEW_CATALOG_CHANGE);
    assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.PENDING_REVIEW);
    assertThat(catalog.versions("DATA_RECOVERY")).hasSize(1);

    decideAs(REVIEWER, change, "APPROVE", null);

    assertThat(instance).hasPassed(CATALOG_VERSION_PUBLISHED).isEnded();
    assertThat(
            authorizationService.createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(review.getId())
                .count())
        .as("the revocation goes with the task")
        .isZero();
  }

  @Test
  void administratorWhoProposedCannotReviewEither() {
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY")).sla(Priority.MEDIUM, 200, 2880).effectiveFrom(T0)
                .build(),
            "demo");
    Task review = reviewTask(change);
    assertThat(
            authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_REVOKE)
                .userIdIn("demo")
                .resourceType(Resources.TASK)
                .resourceId(review.getId())
                .count())
        .isEqualTo(1);

    // an administrator's power comes from the grants of camunda-admin, which the user's revocation outranks
    identityService.setAuthentication("demo", List.of("camunda-admin", OPERATIONS_MANAGERS));
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isZero();
    assertThatThrownBy(() -> taskService.complete(review.getId(), decision("APPROVE", null)))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();

    decideAs(PROPOSER, change, "APPROVE", null);

    assertThat(changes.get(change.id()).reviewedBy()).isEqualTo(PROPOSER);
  }

  @Test
  void secondLineOfDefenceHoldsWhereAuthorizationsDoNot() {
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY")).sla(Priority.MEDIUM, 200, 2880).effectiveFrom(T0)
                .build(),
            PROPOSER);
    ProcessInstance instance = instanceOf(change);
    String review = reviewTask(change).getId();

    // the engine wraps what a task listener throws
    assertThatThrownBy(() -> taskService.setAssignee(review, PROPOSER))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Four eyes: manager proposed catalog change request " + change.id());
    processEngineConfiguration().setAuthorizationEnabled(false);
    try {
      assertThatThrownBy(() -> decideAs(PROPOSER, change, "APPROVE", null))
          .hasRootCauseInstanceOf(AuthorizationException.class)
          .hasMessageContaining("may not review it");
    } finally {
      processEngineConfiguration().setAuthorizationEnabled(true);
    }
    assertThatThrownBy(() -> changes.approve(change.id(), PROPOSER, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a reviewer other than its proposer");

    assertThat(instance).isWaitingAt(REVIEW_CATALOG_CHANGE);
    assertThat(reviewTask(change).getAssignee()).isNull();
    assertThat(catalog.versions("DATA_RECOVERY")).hasSize(1);
  }

  @Test
  void reviewWithoutAKnownReviewerIsRefused() {
    CatalogChangeRequest change =
        changes.propose(CatalogProposals.from(catalog.get("DATA_RECOVERY")).effectiveFrom(T0).build(), PROPOSER);

    assertThatThrownBy(() -> taskService.complete(reviewTask(change).getId(), decision("APPROVE", null)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("needs a known reviewer");
    assertThat(change.changes()).containsExactly(CatalogDiff.NO_CHANGE);

    Task review = reviewTask(change);
    taskService.claim(review.getId(), REVIEWER);
    taskService.complete(review.getId(), decision("APPROVE", null));

    assertThat(changes.get(change.id()).reviewedBy()).isEqualTo(REVIEWER);
  }

  @Test
  void newServiceJoinsTheCatalogWhenApproved() {
    CatalogChangeRequest change =
        changes.propose(CatalogProposals.newService("PRINTER_SETUP").effectiveFrom(T0).build(), PROPOSER);

    assertThat(change.baseVersion()).isNull();
    assertThat(change.changes())
        .startsWith(CatalogDiff.NEW_SERVICE, "Name: Printer setup")
        .contains("Request type: + NEW_PRINTER (New printer for a team)", "SLA High: response 60 minutes, "
            + "resolution 480 minutes");
    assertThat(catalog.find("PRINTER_SETUP")).isEmpty();

    decideAs(REVIEWER, change, "APPROVE", null);

    ServiceDefinition printer = catalog.get("PRINTER_SETUP");
    assertThat(printer.version()).isEqualTo(1);
    assertThat(printer.effectiveFrom()).isEqualTo(T0);
    assertThat(printer.requestType("NEW_PRINTER")).isPresent();
    assertThat(catalog.list()).extracting(ServiceSummary::code).contains("PRINTER_SETUP");
  }

  @Test
  void longListOfChangesFitsTheProcessVariableAndStaysCompleteInTheChangeRequest() {
    CatalogProposals proposal = CatalogProposals.newService("PRINTER_SETUP").effectiveFrom(T0);
    for (int item = 1; item <= 28; item++) {
      proposal.addChecklistItem(item + " " + "x".repeat(280));
    }

    CatalogChangeRequest change = changes.propose(proposal.build(), PROPOSER);

    assertThat(change.changes()).hasSize(41);
    String summary = (String) runtimeService.getVariable(change.processInstanceId(), CatalogChangeProcess.Variables.CATALOG_CHANGE_SUMMARY);
    assertThat(summary).hasSizeLessThanOrEqualTo(4000).startsWith(CatalogDiff.NEW_SERVICE);
    assertThat(summary.lines().reduce((first, second) -> second).orElseThrow())
        .matches("… and \\d+ more: see GET /api/catalog/change-requests/" + change.id());
  }

  @Test
  void changeApprovedAfterItsStatedTimeTakesEffectAtTheApproval() {
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY"))
                .sla(Priority.CRITICAL, 15, 180)
                .effectiveFrom(T0.plus(Duration.ofHours(1)))
                .build(),
            PROPOSER);
    Instant approval = T0.plus(Duration.ofHours(3));
    setClock(approval);

    decideAs(REVIEWER, change, "APPROVE", null);

    ServiceDefinition current = catalog.get("DATA_RECOVERY");
    assertThat(current.version()).isEqualTo(2);
    assertThat(current.effectiveFrom()).isEqualTo(approval);
  }

  @Test
  void requestValidatedBeforeAnApprovedChangeKeepsItsSlaAndChecklist() {
    ProcessInstance before = submitVpnRequest();
    String beforeId = before.getBusinessKey();
    complete(
        beforeId,
        PLAN_DELIVERY,
        Map.of(
            ResourceAllocationProcess.Variables.PLANNED_START, "2026-11-23T10:00+01:00",
            ResourceAllocationProcess.Variables.PLANNED_COMPLETION, "2026-11-23T14:00+01:00",
            Variables.DELIVERY_INSTRUCTIONS, "Use the standard VPN profile"));
    assertThat(before).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    List<String> oldChecklist = catalog.get("NETWORK_ACCESS").checklist();
    Date warningDue = timer(before.getId(), SLA_WARNING_2_REACHED).getDuedate();
    Date breachDue = timer(before.getId(), SLA_BREACHED).getDuedate();
    assertThat(breachDue).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(480))));
    assertThat(warningDue).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(360))));

    setClock(T0.plus(Duration.ofMinutes(10)));
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(catalog.get("NETWORK_ACCESS"))
                .sla(Priority.HIGH, 30, 240)
                .addChecklistItem("VPN certificate expiry recorded")
                .effectiveFrom(T0.plus(Duration.ofMinutes(10)))
                .build(),
            PROPOSER);
    decideAs(REVIEWER, change, "APPROVE", null);
    assertThat(catalog.get("NETWORK_ACCESS").version()).isEqualTo(2);

    assertThat(before)
        .variables()
        .containsEntry(Variables.CATALOG_VERSION, 1)
        .containsEntry(Variables.RESPONSE_DUE_AT, Date.from(T0.plus(Duration.ofMinutes(60))))
        .containsEntry(Variables.RESOLUTION_DUE_AT, Date.from(T0.plus(Duration.ofMinutes(480))))
        .containsEntry(QualityControlProcess.Variables.CHECKLIST_ITEMS, oldChecklist);
    assertThat(timer(before.getId(), SLA_WARNING_2_REACHED).getDuedate()).isEqualTo(warningDue);
    assertThat(timer(before.getId(), SLA_BREACHED).getDuedate()).isEqualTo(breachDue);
    assertThat(task(beforeId, EXECUTE_SERVICE_ACTIVITIES).getDueDate()).isEqualTo(breachDue);

    Instant later = T0.plus(Duration.ofMinutes(20));
    setClock(later);
    ProcessInstance after = submitVpnRequest();
    assertThat(after)
        .variables()
        .containsEntry(Variables.CATALOG_VERSION, 2)
        .containsEntry(Variables.RESPONSE_DUE_AT, Date.from(later.plus(Duration.ofMinutes(30))))
        .containsEntry(Variables.RESOLUTION_DUE_AT, Date.from(later.plus(Duration.ofMinutes(240))));
    assertThat(task(after.getBusinessKey(), PLAN_DELIVERY).getDueDate())
        .isEqualTo(Date.from(later.plus(Duration.ofMinutes(30))));
    assertThat(runtimeService.getVariable(after.getId(), QualityControlProcess.Variables.CHECKLIST_ITEMS))
        .asInstanceOf(InstanceOfAssertFactories.list(String.class))
        .endsWith("VPN certificate expiry recorded");

    complete(
        beforeId,
        EXECUTE_SERVICE_ACTIVITIES,
        Map.of(
            QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(oldChecklist),
            QualityControlProcess.Variables.PROGRESS_STATUS, "DONE",
            QualityControlProcess.Variables.PROGRESS_REPORT, "VPN profile deployed and tested with the user",
            QualityControlProcess.Variables.EFFORT_HOURS, 1.0));
    complete(beforeId, REVIEW_QUALITY, Map.of(QualityControlProcess.Variables.QUALITY_VERDICT, "PASSED"));
    confirmDelivery(beforeId);
    executeAsyncJobs();
    assertThat(before).hasPassed(REQUEST_CLOSED).isEnded();
    assertThat(records.get(beforeId).catalogVersion()).isEqualTo(1);
    assertThat(records.get(beforeId).resolutionDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(480)));
  }

  @Test
  void changeIsComparedWithTheVersionItReplacesAlsoWhenAnApprovedChangeIsScheduled() {
    Instant tomorrow = T0.plus(Duration.ofDays(1));
    CatalogChangeRequest first =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY")).costRatePerHour("95.00").effectiveFrom(tomorrow)
                .build(),
            PROPOSER);
    decideAs(REVIEWER, first, "APPROVE", null);

    CatalogChangeRequest after =
        changes.propose(
            CatalogProposals.from(catalog.find("DATA_RECOVERY", 2).orElseThrow())
                .addChecklistItem("Backup verified")
                .effectiveFrom(tomorrow.plus(Duration.ofDays(1)))
                .build(),
            PROPOSER);
    CatalogChangeRequest before =
        changes.propose(
            CatalogProposals.from(catalog.get("DATA_RECOVERY")).sla(Priority.LOW, 480, 5000).effectiveFrom(T0)
                .build(),
            PROPOSER);

    assertThat(after.baseVersion()).isEqualTo(2);
    assertThat(after.changes())
        .containsExactly(
            "Checklist: + Backup verified",
            "Note: compared with version 2, which takes effect at " + tomorrow + ", before this change.");
    assertThat(before.baseVersion()).isEqualTo(1);
    assertThat(before.changes())
        .containsExactly(
            "SLA Low resolution: 5760 → 5000 minutes",
            "Note: version 2 takes effect at " + tomorrow + " and replaces this change from then on.");
  }

  @Test
  void noChangeRequestIsStoredWhenItsReviewCannotStart() {
    repositoryService.suspendProcessDefinitionByKey(CatalogChangeProcess.KEY);
    try {
      assertThatThrownBy(
              () ->
                  changes.propose(
                      CatalogProposals.from(catalog.get("DATA_RECOVERY")).effectiveFrom(T0).build(), PROPOSER))
          .isInstanceOf(ProcessEngineException.class);
    } finally {
      repositoryService.activateProcessDefinitionByKey(CatalogChangeProcess.KEY);
    }

    assertThat(jdbc.sql("select count(*) from catalog_change_request").query(Long.class).single()).isZero();
  }

  @Test
  void notInThePastMeansNotBeforeTheEngineClock() {
    CatalogProposals proposal = CatalogProposals.from(catalog.get("DATA_RECOVERY"));

    assertThat(validator.validate(proposal.effectiveFrom(T0).build())).isEmpty();
    assertThat(validator.validate(proposal.effectiveFrom(T0.minusSeconds(1)).build()))
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactly("effectiveFrom");
    setClock(T0.plus(Duration.ofDays(400)));
    assertThat(validator.validate(proposal.effectiveFrom(T0.plus(Duration.ofDays(399))).build())).hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** The review process of a change; call it while the review runs and keep it for assertions after the end. */
  private ProcessInstance instanceOf(CatalogChangeRequest change) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(change.processInstanceId()).singleResult();
  }

  private ProcessEngineConfigurationImpl processEngineConfiguration() {
    return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  private Task reviewTask(CatalogChangeRequest change) {
    return taskService.createTaskQuery().processInstanceId(change.processInstanceId()).singleResult();
  }

  /** Completes the review as an authenticated user, as Tasklist does. */
  private void decideAs(String userId, CatalogChangeRequest change, String decision, String comment) {
    identityService.setAuthentication(userId, MANAGERS);
    try {
      taskService.complete(reviewTask(change).getId(), decision(decision, comment));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> decision(String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CatalogChangeProcess.Variables.CATALOG_CHANGE_DECISION, decision);
    if (comment != null) {
      variables.put(CatalogChangeProcess.Variables.CATALOG_CHANGE_COMMENT, comment);
    }
    return variables;
  }

  private ProcessInstance submitVpnRequest() {
    Map<String, Object> request = new HashMap<>();
    request.put(Variables.SERVICE_CODE, "NETWORK_ACCESS");
    request.put(Variables.REQUEST_TYPE, "VPN_ACCESS");
    request.put(Variables.TITLE, "VPN for a new colleague");
    request.put(Variables.DESCRIPTION, "Remote access from home");
    request.put(Variables.PRIORITY, "HIGH");
    request.put(Variables.REQUESTER_NAME, "Ada Customer");
    request.put(Variables.REQUESTER_EMAIL, "ada@customer.example");
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion()
            .singleResult()
            .getId();
    return formService.submitStartForm(definitionId, request);
  }
}
