package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_BREACHED;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.ServiceDeliveryRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the delivery record as SLA breached at the moment the resolution time ran out. */
@Component("flagSlaBreach")
class FlagSlaBreachDelegate implements JavaDelegate {

  private final ServiceDeliveryRecords records;
  private final SlaStandingVariables standing;

  FlagSlaBreachDelegate(ServiceDeliveryRecords records, SlaStandingVariables standing) {
    this.records = records;
    this.standing = standing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.flagBreach(ProcessData.of(execution).string(REQUEST_ID));
    execution.setVariable(SLA_BREACHED, true);
    standing.refresh(execution);
  }
}
