package io.servicedelivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.notification.NotificationProcess.Messages;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Variable updates leave no row each in ACT_HI_DETAIL; the history keeps every variable's last value. */
@WebIntegrationTest
class HistoryWithoutVariableDetailsTest {

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  private ProcessInstance instance;

  @AfterEach
  void deleteInstance() {
    runtimeService.deleteProcessInstance(instance.getId(), "test finished");
  }

  @Test
  void theLastValueOfEachVariableIsKeptAndNoUpdateOneByOne() {
    instance =
        runtimeService.startProcessInstanceByMessage(
            Messages.NOTIFICATION_QUEUED,
            Map.of(Variables.REQUEST_ID, "SR-990002", NotificationProcess.Variables.NOTIFICATION_MAIL_ID, 1L));
    runtimeService.setVariable(instance.getId(), Variables.REQUEST_ID, "SR-990003");
    runtimeService.setVariable(instance.getId(), Variables.REQUEST_ID, "SR-990004");

    HistoricVariableInstance requestId =
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableName(Variables.REQUEST_ID).singleResult();
    assertThat(requestId.getValue()).isEqualTo("SR-990004");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
        .as("the steps are kept as before")
        .isPositive();
  }
}
