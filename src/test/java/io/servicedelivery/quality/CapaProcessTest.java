package io.servicedelivery.quality;

import static io.servicedelivery.quality.CapaProcess.Elements.ACTIONS_OVERDUE;
import static io.servicedelivery.quality.CapaProcess.Elements.ANALYSE_ROOT_CAUSE;
import static io.servicedelivery.quality.CapaProcess.Elements.CAPA_CLOSED;
import static io.servicedelivery.quality.CapaProcess.Elements.CAPA_OVERDUE;
import static io.servicedelivery.quality.CapaProcess.Elements.CAPA_REQUESTED;
import static io.servicedelivery.quality.CapaProcess.Elements.ESCALATE_OVERDUE_ACTIONS;
import static io.servicedelivery.quality.CapaProcess.Elements.ESCALATE_OVERDUE_CAPA;
import static io.servicedelivery.quality.CapaProcess.Elements.IMPLEMENT_ACTIONS;
import static io.servicedelivery.quality.CapaProcess.Elements.PLAN_CORRECTIVE_ACTION;
import static io.servicedelivery.quality.CapaProcess.Elements.VERIFY_EFFECTIVENESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.engine.InvalidTaskInputException;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.CapaProcess.Variables;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Every path of {@code bpmn/capa.bpmn}: both ways in, a second plan after an ineffective one, both escalations. */
@ProcessTest
class CapaProcessTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    // primary: the coverage library also registers a default bean that would otherwise win
    @Bean
    @Primary
    ProcessEngineCoverageProperties capaCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(
              ServiceDeliveryProcess.KEY, ResourceAllocationProcess.KEY, QualityControlProcess.KEY, CatalogChangeProcess.KEY, NotificationProcess.KEY)
          .build();
    }
  }

  private static final Instant CAPA_DUE = T0.plus(Duration.ofDays(30));
  private static final Instant ACTIONS_DUE = T0.plus(Duration.ofDays(7));

  @Autowired private Capas capas;
  @Autowired private IdentityService identityService;

  @Test
  void aQaLeadOpensACapaThatIsAnalysedPlannedImplementedVerifiedAndClosed() {
    ProcessInstance capa = startByQaLead();
    String id = capa.getBusinessKey();

    assertThat(id).matches("CAPA-\\d{6}");
    assertThat(capa).variables().containsEntry(Variables.CAPA_DUE_AT, Date.from(CAPA_DUE));
    assertThat(timer(capa.getId(), CAPA_OVERDUE).getDuedate()).isEqualTo(Date.from(CAPA_DUE));
    Task analysis = task(id, ANALYSE_ROOT_CAUSE);
    assertThat(analysis).hasCandidateGroup("quality-assurance");
    assertThat(analysis.getDueDate()).isEqualTo(Date.from(CAPA_DUE));
    assertThat(capas.ofRequest("SR-300")).containsExactly(id);

    analyse(id);
    plan(id, ACTIONS_DUE);
    Task implementation = task(id, IMPLEMENT_ACTIONS);
    assertThat(implementation).isAssignedTo("staff1");
    assertThat(implementation.getDueDate()).isEqualTo(Date.from(ACTIONS_DUE));
    assertThat(timer(capa.getId(), ACTIONS_OVERDUE).getDuedate()).isEqualTo(Date.from(ACTIONS_DUE));
    implement(id);
    verify(id, "EFFECTIVE");

    assertThat(capa).hasPassed(CAPA_CLOSED).isEnded();
    assertThat(capas.status(id)).isEqualTo("CLOSED");
    assertThat(jdbc.sql("select opened_by || ' ' || trigger_type || ' ' || cause_category from capa where id = ?")
            .param(id).query(String.class).single())
        .isEqualTo("qa MANUAL PROCESS");
  }

  @Test
  void actionsFoundNotEffectiveAreFollowedByANewPlanRevision() {
    String id = startByQaLead().getBusinessKey();
    analyse(id);
    plan(id, ACTIONS_DUE);
    implement(id);

    verify(id, "NOT_EFFECTIVE");

    assertThat(task(id, PLAN_CORRECTIVE_ACTION)).isNotNull();
    assertThat(capas.status(id)).isEqualTo("ACTION_PLANNING");
    plan(id, ACTIONS_DUE.plus(Duration.ofDays(7)));
    assertThat(task(id, IMPLEMENT_ACTIONS).getDueDate()).isEqualTo(Date.from(ACTIONS_DUE.plus(Duration.ofDays(7))));
    implement(id);
    verify(id, "EFFECTIVE");

    assertThat(capas.status(id)).isEqualTo("CLOSED");
    assertThat(jdbc.sql("select revision, effective from capa_action_plan where capa_id = ? order by revision")
            .param(id)
            .query((rs, row) -> rs.getInt("revision") + ":" + rs.getBoolean("effective"))
            .list())
        .containsExactly("1:false", "2:true");
  }

  @Test
  void actionsNotImplementedByTheirDueDateAreEscalatedToTheOperationsManagers() {
    ProcessInstance capa = startByQaLead();
    String id = capa.getBusinessKey();
    analyse(id);
    plan(id, ACTIONS_DUE);

    Job overdue = timer(capa.getId(), ACTIONS_OVERDUE);
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(ACTIONS_DUE));
    setClock(ACTIONS_DUE);
    managementService.executeJob(overdue.getId());

    Task escalation = task(id, ESCALATE_OVERDUE_ACTIONS);
    assertThat(escalation).hasCandidateGroup("operations-managers");
    assertThat(task(id, IMPLEMENT_ACTIONS)).isNotNull();
    assertThat(escalations(id)).containsExactly("ACTIONS_OVERDUE " + ACTIONS_DUE);
    assertThat(taskService.getVariableLocal(escalation.getId(), Variables.ESCALATION_KIND_LABEL))
        .isEqualTo("The actions of the plan are past their due date");

    taskService.complete(escalation.getId(), Map.of(Variables.FOLLOW_UP_NOTE, "Owner has it done by Friday"));
    implement(id);
    verify(id, "EFFECTIVE");
    assertThat(capa).isEnded();
  }

  @Test
  void aCapaNotClosedByItsDueDateIsEscalatedToTheOperationsManagers() {
    ProcessInstance capa = startByQaLead();
    String id = capa.getBusinessKey();

    setClock(CAPA_DUE);
    managementService.executeJob(timer(capa.getId(), CAPA_OVERDUE).getId());

    Task escalation = task(id, ESCALATE_OVERDUE_CAPA);
    assertThat(escalation).hasCandidateGroup("operations-managers");
    assertThat(task(id, ANALYSE_ROOT_CAUSE)).isNotNull();
    assertThat(escalations(id)).containsExactly("CAPA_OVERDUE " + CAPA_DUE);
    assertThat(taskService.getVariableLocal(escalation.getId(), Variables.ESCALATION_KIND_LABEL))
        .isEqualTo("The CAPA is past its due date");
    taskService.complete(escalation.getId(), Map.of(Variables.FOLLOW_UP_NOTE, "QA lead analyses it this week"));
    assertThat(capa).isActive();
  }

  @Test
  void aFailedReviewRequestsACapaThroughTheMessageAndLaterOnesOfTheServiceAreLinkedToIt() {
    String id =
        capas.request(new CapaRequest("SR-301", "NETWORK_ACCESS", "Network access", 1, CapaTrigger.MAJOR_FINDING, "No approval", "qa2"));
    String linked =
        capas.request(
            new CapaRequest("SR-302", "NETWORK_ACCESS", "Network access", 2, CapaTrigger.REPEATED_FAILURE, "Not tested", "qa2"));

    ProcessInstance capa = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    assertThat(capa).hasPassed(CAPA_REQUESTED).isWaitingAt(ANALYSE_ROOT_CAUSE);
    assertThat(capa).variables().containsEntry(Variables.CAPA_TITLE, "Major finding on SR-301 (Network access)");
    assertThat(linked).isEqualTo(id);
    assertThat(capas.linkedRequests(id)).isEqualTo("SR-301, round 1: MAJOR_FINDING\nSR-302, round 2: REPEATED_FAILURE");
    assertThat(capas.linkedRequestsInWords(id))
        .isEqualTo(
            "SR-301, review round 1: a major or critical finding\nSR-302, review round 2: a repeated quality failure");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CapaProcess.KEY).count()).isEqualTo(1);
  }

  @Test
  void aPlanDueInThePastIsRefused() {
    String id = startByQaLead().getBusinessKey();
    analyse(id);

    assertThatThrownBy(() -> plan(id, T0.minus(Duration.ofDays(1))))
        .hasMessageContaining("need a due date in the future");
    assertThat(task(id, PLAN_CORRECTIVE_ACTION)).isNotNull();
  }

  @Test
  void theFormsShowTheCapaInWordsWithItsTimesInTheBusinessCalendarsZone() {
    ProcessInstance capa = startByQaLead();
    String id = capa.getBusinessKey();

    assertThat(capa)
        .variables()
        .containsEntry(Variables.CAPA_DUE_TEXT, "Wed 23 Dec 2026, 09:00 CET")
        .containsEntry(Variables.CAPA_SERVICE_NAME, "Software installation")
        .containsEntry(Variables.CAPA_REQUESTS_TEXT, "SR-300: opened by a QA lead");
    analyse(id);
    assertThat(capa).variables().containsEntry(Variables.CAUSE_CATEGORY_LABEL, "Process (steps, handovers)");
    plan(id, ACTIONS_DUE);
    assertThat(capa)
        .variables()
        .containsEntry(Variables.ACTION_OWNER_NAME, "Sam Field")
        .containsEntry(Variables.ACTION_DUE_TEXT, "Mon 30 Nov 2026, 09:00 CET");
  }

  @Test
  void thePlanOffersThePeopleWhoWorkInTasklistByNameAsActionOwners() {
    String id = startByQaLead().getBusinessKey();
    analyse(id);

    @SuppressWarnings("unchecked")
    List<Map<String, String>> owners =
        (List<Map<String, String>>) taskService.getVariable(task(id, PLAN_CORRECTIVE_ACTION).getId(),
            Variables.ACTION_OWNER_OPTIONS);
    assertThat(owners)
        .contains(
            Map.of("label", "Sam Field", "value", "staff1"),
            Map.of("label", "Quinn Adams", "value", "qa"),
            Map.of("label", "Maria Lopez", "value", "manager"));
    assertThat(owners).extracting(owner -> owner.get("value")).doesNotContain("portal", "prometheus");
    assertThat(owners).extracting(owner -> owner.get("label")).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void aMistypedActionOwnerIsRefusedAndAChosenOneGetsTheActions() {
    ProcessInstance capa = startByQaLead();
    String id = capa.getBusinessKey();
    analyse(id);

    assertThatThrownBy(() -> plan(id, "stafff1", ACTIONS_DUE))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage("actionOwner: \"stafff1\" is nobody who works in Tasklist, so nobody would see the actions:"
            + " choose the action owner from the list");
    assertThatThrownBy(() -> plan(id, "portal", ACTIONS_DUE))
        .as("a system account does no work in Tasklist")
        .hasMessageStartingWith("actionOwner: \"portal\" is nobody who works in Tasklist");
    assertThat(capa).isWaitingAt(PLAN_CORRECTIVE_ACTION);
    assertThat(capas.status(id)).isEqualTo("ACTION_PLANNING");

    plan(id, "staff2", ACTIONS_DUE);

    assertThat(task(id, IMPLEMENT_ACTIONS)).isAssignedTo("staff2");
    assertThat(capa).variables().containsEntry(Variables.ACTION_OWNER_NAME, "Noor Network");
  }

  private ProcessInstance startByQaLead() {
    identityService.setAuthentication("qa", List.of("quality-assurance"));
    try {
      return runtimeService.startProcessInstanceByKey(
          CapaProcess.KEY,
          Map.of(
              Variables.CAPA_TITLE, "Software installed from unapproved sources",
              Variables.CAPA_PROBLEM, "Three installations this month came from download sites",
              Variables.CAPA_SERVICE_CODE, "SOFTWARE_INSTALLATION",
              Variables.CAPA_REQUEST_ID, "SR-300"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void analyse(String id) {
    complete(id, ANALYSE_ROOT_CAUSE,
        Map.of(Variables.CAUSE_CATEGORY, "PROCESS", Variables.ROOT_CAUSE, "The approved source is not linked in the work instruction"));
  }

  /** As Tasklist's datetime field submits it: an ISO string with offset. */
  private void plan(String id, Instant due) {
    plan(id, "staff1", due);
  }

  private void plan(String id, String owner, Instant due) {
    complete(id, PLAN_CORRECTIVE_ACTION,
        Map.of(
            Variables.CORRECTIVE_ACTIONS, "Link the software portal in the checklist; brief the team",
            Variables.ACTION_OWNER, owner,
            Variables.ACTION_DUE_AT, due.toString()));
  }

  private void implement(String id) {
    complete(id, IMPLEMENT_ACTIONS, Map.of(Variables.IMPLEMENTATION_NOTE, "Checklist updated, team briefed"));
  }

  private void verify(String id, String effective) {
    complete(id, VERIFY_EFFECTIVENESS,
        Map.of(Variables.ACTIONS_EFFECTIVE, effective, Variables.VERIFICATION_NOTE, "Reviewed the next ten installations"));
  }

  private List<String> escalations(String id) {
    return jdbc.sql("select kind, due_at from capa_escalation where capa_id = ? order by id")
        .param(id)
        .query((rs, row) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant())
        .list();
  }
}
