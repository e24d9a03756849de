package io.servicedelivery.migration;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The next version of service-delivery, as an analyst would change it in Modeler: a new step "Confirm plan with
 * requester" right after "Plan delivery" (its candidate group comes from a new variable, {@link #PLAN_REVIEWERS}), and
 * "Execute service activities" renamed to {@link #PERFORM_SERVICE_ACTIVITIES}. Made from the current
 * {@code bpmn/service-delivery.bpmn} when a test deploys it, so that it is always "the current version plus this
 * change"; deployed with the forms, which the tasks bind to their deployment.
 */
final class NextServiceDeliveryVersion {

  static final String CONFIRM_PLAN = "Task_ConfirmPlanWithRequester";
  static final String PERFORM_SERVICE_ACTIVITIES = "Task_PerformServiceActivities";
  /** the variable the new step's candidate group comes from: the old version never had it */
  static final String PLAN_REVIEWERS = "planReviewers";

  /** the explicit instruction for the renamed task */
  static final MigrationRequest.MigrationInstructionRequest RENAMED_TASK =
      new MigrationRequest.MigrationInstructionRequest(EXECUTE_SERVICE_ACTIVITIES, PERFORM_SERVICE_ACTIVITIES, false);

  private NextServiceDeliveryVersion() {}

  /** Deploys the next version; @return the deployment's id (delete it, cascading, when the test is over) */
  static String deploy(RepositoryService repositoryService) {
    DeploymentBuilder deployment =
        repositoryService.createDeployment()
            .name("service-delivery, next version (test)")
            .addModelInstance("service-delivery.bpmn", model());
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream content = form.getInputStream()) {
          deployment.addInputStream("forms/" + form.getFilename(), new ByteArrayInputStream(content.readAllBytes()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deployment.deploy().getId();
  }

  /** The request's variables that make every instance movable. */
  static Map<String, Object> variables() {
    return Map.of(PLAN_REVIEWERS, "service-coordinators");
  }

  static MigrationRequest request(int source, int target) {
    return new MigrationRequest("service-delivery", source, target, List.of(RENAMED_TASK), variables(), List.of());
  }

  static BpmnModelInstance model() {
    BpmnModelInstance model;
    try (InputStream current = NextServiceDeliveryVersion.class.getResourceAsStream("/bpmn/service-delivery.bpmn")) {
      model = Bpmn.readModelFromStream(current);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the renamed task: its flows and its shape follow the new id
    UserTask execute = model.getModelElementById(EXECUTE_SERVICE_ACTIVITIES);
    execute.setId(PERFORM_SERVICE_ACTIVITIES);
    execute.setName("Perform service activities");

    // the new step between "Plan delivery" and what followed it
    FlowNode plan = model.getModelElementById(PLAN_DELIVERY);
    SequenceFlow onwards = plan.getOutgoing().iterator().next();
    ModelElementInstance scope = plan.getParentElement();
    UserTask confirm = model.newInstance(UserTask.class);
    confirm.setId(CONFIRM_PLAN);
    confirm.setName("Confirm plan with requester");
    confirm.setCamundaCandidateGroups("${" + PLAN_REVIEWERS + "}");
    confirm.setCamundaDueDate("${responseDueAt}");
    scope.addChildElement(confirm);
    SequenceFlow toConfirm = model.newInstance(SequenceFlow.class);
    toConfirm.setId("Flow_PlanToConfirm");
    scope.addChildElement(toConfirm);
    plan.getOutgoing().remove(onwards);
    plan.getOutgoing().add(toConfirm);
    toConfirm.setSource(plan);
    toConfirm.setTarget(confirm);
    confirm.getIncoming().add(toConfirm);
    onwards.setSource(confirm);
    confirm.getOutgoing().add(onwards);
    Bpmn.validateModel(model);
    return model;
  }
}
