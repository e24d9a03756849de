package io.servicedelivery.benchmark;


import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.identity.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline of the intake and lifecycle benchmarks: a process on the application's own engine, deployed in the
 * same run, with the shape of a delivery and none of its work. The same three user tasks with the same candidate
 * group, assignee and form (Plan delivery, Execute service activities, Review quality: a completion carries only its
 * form's fields), two asynchronous continuations
 * placed where the delivery has its notifications today (the acknowledgement on a parallel branch after the
 * validation, the notification of the customer after the closure), and no-op service tasks ({@code ${true}}) in
 * place of the delegates. It is started and driven over /engine-rest by the same users as the delivery, with the
 * same variables, so that the difference is what the application does on top of the engine.
 */
final class BareProcess {

  static final String KEY = "benchmark-baseline";
  static final String PLAN = "Task_PlanDelivery";
  static final String EXECUTE = "Task_ExecuteServiceActivities";
  static final String REVIEW = "Task_ReviewQuality";

  private BareProcess() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(KEY)
        .name("Benchmark baseline")
        .camundaHistoryTimeToLive(180)
        .startEvent("StartEvent_Started")
        .serviceTask("Task_Receive").camundaExpression("${true}")
        .serviceTask("Task_Validate").camundaExpression("${true}")
        .parallelGateway("Gateway_Accepted")
        .serviceTask("Task_Acknowledge").camundaExpression("${true}").camundaAsyncBefore()
        .endEvent("EndEvent_Acknowledged")
        .moveToNode("Gateway_Accepted")
        .userTask(PLAN).camundaCandidateGroups(Groups.SERVICE_COORDINATORS)
        .camundaFormRef("plan-delivery").camundaFormRefBinding("latest")
        .serviceTask("Task_Allocate").camundaExpression("${true}")
        .userTask(EXECUTE).camundaAssignee("${allocatedResource}")
        .camundaFormRef("execute-service-activities").camundaFormRefBinding("latest")
        .serviceTask("Task_Monitor").camundaExpression("${true}")
        .serviceTask("Task_Complete").camundaExpression("${true}")
        .userTask(REVIEW).camundaCandidateGroups(Groups.QUALITY_ASSURANCE)
        .camundaFormRef("review-quality").camundaFormRefBinding("latest")
        .serviceTask("Task_Close").camundaExpression("${true}")
        .serviceTask("Task_Notify").camundaExpression("${true}").camundaAsyncBefore()
        .endEvent("EndEvent_Closed")
        .done();
  }

  /**
   * Deploys the process and gives every group the permissions it has on {@code service-delivery}, and the API
   * clients (who submit requests to the application) the right to start it over /engine-rest.
   */
  static void deploy(RepositoryService repositoryService, AuthorizationService authorizationService) {
    repositoryService.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model()).deploy();
    for (Authorization grant :
        authorizationService
            .createAuthorizationQuery()
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(ServiceDeliveryProcess.KEY)
            .list()) {
      if (grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT) {
        Authorization copy = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        copy.setGroupId(grant.getGroupId());
        copy.setUserId(grant.getUserId());
        copy.setResource(Resources.PROCESS_DEFINITION);
        copy.setResourceId(KEY);
        copy.setPermissions(grant.getPermissions(Permissions.values()));
        authorizationService.saveAuthorization(copy);
      }
    }
    grant(authorizationService, Groups.API_CLIENTS, Resources.PROCESS_DEFINITION, KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE);
    grant(authorizationService, Groups.API_CLIENTS, Resources.PROCESS_INSTANCE, Authorization.ANY,
        Permissions.CREATE);
  }

  private static void grant(
      AuthorizationService authorizationService, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
