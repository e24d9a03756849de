package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.DETERMINE_PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.REQUEST_REJECTED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.VALIDATE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.SampleRequests;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The order form's paths through the start of service-delivery, with the variables Tasklist submits: impact and
 * urgency without a priority (the form submits the empty priority as null) get the priority of the priority matrix;
 * a priority set on the form overrules it; a request type of another service than the chosen one is rejected, and
 * the requester is told which.
 */
@ProcessTest
class OrderFormProcessTest extends AbstractProcessTest {

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired ServiceDeliveryRecords records;

  @BeforeEach
  void atT0() {
    setClock(T0);
  }

  @Test
  void impactAndUrgencyWithoutAPriorityGetThePriorityOfTheMatrix() {
    ProcessInstance instance = submit(orderForm("HIGH", "LOW", null));
    executeAsyncJobs();

    assertThat(instance).hasPassed(DETERMINE_PRIORITY, VALIDATE_REQUEST).isWaitingAt(PLAN_DELIVERY);
    assertThat(runtimeService.getVariable(instance.getId(), Variables.PRIORITY)).isEqualTo("MEDIUM");
    assertThat(records.get(instance.getBusinessKey()).priority()).isEqualTo("MEDIUM");
  }

  @Test
  void aPrioritySetOnTheFormOverrulesTheMatrix() {
    ProcessInstance instance = submit(orderForm("LOW", "LOW", "CRITICAL"));
    executeAsyncJobs();

    assertThat(instance).hasPassed(VALIDATE_REQUEST).hasNotPassed(DETERMINE_PRIORITY).isWaitingAt(PLAN_DELIVERY);
    assertThat(runtimeService.getVariable(instance.getId(), Variables.PRIORITY)).isEqualTo("CRITICAL");
    assertThat(records.get(instance.getBusinessKey()).priority()).isEqualTo("CRITICAL");
  }

  @Test
  void aRequestTypeOfAnotherServiceIsRejectedSayingWhichServiceLacksIt() {
    Map<String, Object> printerRepairAsNetworkAccess = orderForm("MEDIUM", "MEDIUM", null);
    printerRepairAsNetworkAccess.put(Variables.REQUEST_TYPE, "PRINTER");

    ProcessInstance instance = submit(printerRepairAsNetworkAccess);

    executeAsyncJobs();
    assertThat(instance).hasPassed(VALIDATE_REQUEST, REQUEST_REJECTED).isEnded();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(Variables.REJECTION_REASONS)
                .singleResult()
                .getValue())
        .asString()
        .contains("The service Network access has no request type 'PRINTER'.");
    assertThat(records.get(instance.getBusinessKey()).outcome()).isEqualTo(RequestOutcome.REJECTED);
  }

  @Test
  void theStartAnswersWithTheRequestNumber() {
    ProcessInstance instance = submit(orderForm("MEDIUM", "MEDIUM", null));

    assertThat(instance.getBusinessKey()).startsWith("SR-");
    assertThat(runtimeService.getVariable(instance.getId(), Variables.REQUEST_ID)).isEqualTo(instance.getBusinessKey());
  }

  /** A VPN request as the order form submits it: impact, urgency and a priority that may be null (left empty). */
  private static Map<String, Object> orderForm(String impact, String urgency, String priority) {
    Map<String, Object> order = SampleRequests.vpnRequest();
    order.put(Variables.IMPACT, impact);
    order.put(Variables.URGENCY, urgency);
    order.put(Variables.PRIORITY, priority);
    return order;
  }

  private ProcessInstance submit(Map<String, Object> order) {
    return formService.submitStartForm(
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion()
            .singleResult()
            .getId(),
        order);
  }
}
