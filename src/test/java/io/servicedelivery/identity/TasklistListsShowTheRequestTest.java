package io.servicedelivery.identity;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14: Tasklist shows a task's request number, title, priority and SLA due time in the lists, reading them with
 * the viewer's permissions on the process instance. The person a delivery is assigned to reads that request, and only
 * that one; other staff read nothing of it. QA leads and resource analysts read the instances of their own processes.
 */
@ProcessTest
class TasklistListsShowTheRequestTest extends AbstractProcessTest {

  private static final List<String> SHOWN =
      List.of(Variables.REQUEST_ID, Variables.TITLE, Variables.PRIORITY_LABEL, Variables.RESOLUTION_DUE_TEXT);

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void theAssigneeReadsTheRequestOfTheirTaskAndOtherStaffDoNot() {
    String requestId =
        runtimeService
            .createMessageCorrelation(Messages.SERVICE_REQUEST_SUBMITTED)
            .setVariables(vpnRequest())
            .correlateStartMessage()
            .getBusinessKey();
    planDelivery(requestId);
    executeAsyncJobs();
    Task execution = task(requestId, EXECUTE_SERVICE_ACTIVITIES);
    String assignee = execution.getAssignee();
    String otherStaff = assignee.equals("staff1") ? "staff2" : "staff1";

    assertThat(shownTo(assignee, execution.getProcessInstanceId()))
        .containsEntry(Variables.REQUEST_ID, requestId)
        .containsEntry(Variables.TITLE, vpnRequest().get(Variables.TITLE))
        .containsEntry(Variables.PRIORITY_LABEL, "High")
        .containsKey(Variables.RESOLUTION_DUE_TEXT);
    assertThat(shownTo(otherStaff, execution.getProcessInstanceId())).isEmpty();
  }

  @Test
  void qaLeadsReadEveryQualityControlAndAnalystsEveryAllocationButNoDelivery() {
    assertThat(readsEvery(Groups.QUALITY_ASSURANCE, QualityControlProcess.KEY)).isTrue();
    assertThat(readsEvery(Groups.RESOURCE_ANALYSTS, ResourceAllocationProcess.KEY)).isTrue();
    for (String group : List.of(Groups.QUALITY_ASSURANCE, Groups.RESOURCE_ANALYSTS, Groups.OPERATIONAL_STAFF)) {
      assertThat(readsEvery(group, ServiceDeliveryProcess.KEY)).as(group).isFalse();
    }
  }

  private boolean readsEvery(String group, String processKey) {
    return authorizationService.isUserAuthorized(
        null, List.of(group), Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, processKey);
  }

  private Map<String, Object> shownTo(String userId, String processInstanceId) {
    identityService.setAuthentication(userId, List.of(Groups.OPERATIONAL_STAFF));
    try {
      return runtimeService
          .createVariableInstanceQuery()
          .processInstanceIdIn(processInstanceId)
          .variableNameIn(SHOWN.toArray(String[]::new))
          .list()
          .stream()
          .collect(Collectors.toMap(VariableInstance::getName, VariableInstance::getValue, (first, copy) -> first));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
