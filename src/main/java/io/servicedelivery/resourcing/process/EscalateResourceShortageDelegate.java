package io.servicedelivery.resourcing.process;

import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.ESCALATION_REASON;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Variables.REQUEST_ID;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.resourcing.ResourceEscalations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the operations managers were called in because nobody fits the request. */
@Component("escalateResourceShortage")
class EscalateResourceShortageDelegate implements JavaDelegate {

  private final ResourceEscalations escalations;

  EscalateResourceShortageDelegate(ResourceEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    escalations.record(data.string(REQUEST_ID), data.string(ESCALATION_REASON));
  }
}
