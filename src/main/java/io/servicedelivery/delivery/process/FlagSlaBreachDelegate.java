package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_BREACHED;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.RecordClosures;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the delivery record as SLA breached at the moment the resolution time ran out. */
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
    execution.setVariable(SLA_BREACHED, true);
    standing.refresh(execution);
  }
}
