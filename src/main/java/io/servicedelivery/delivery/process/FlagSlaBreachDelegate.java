package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.FIRST_BREACH;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_BREACHED;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.RecordClosures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Marks the delivery record as SLA breached at the moment the resolution time ran out, and tells the gateway "First
 * breach?" whether it was breached before ({@code firstBreach}): a request reopened after a late resolution breaches
 * again at once, and the managers handle a breach once.
 */
@Component("flagSlaBreach")
class FlagSlaBreachDelegate implements JavaDelegate {

  private final RecordClosures closures;
  private final SlaStandingVariables standing;

  FlagSlaBreachDelegate(RecordClosures closures, SlaStandingVariables standing) {
    this.closures = closures;
    this.standing = standing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closures.flagBreach(ProcessData.of(execution).string(REQUEST_ID));
    execution.setVariable(FIRST_BREACH, !Boolean.TRUE.equals(execution.getVariable(SLA_BREACHED)));
    execution.setVariable(SLA_BREACHED, true);
    standing.refresh(execution);
  }
}
