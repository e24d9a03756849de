package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.COMPLETED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.COST;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.EFFORT_HOURS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.MATERIALS_COST;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.delivery.DeliveryCompletion;
import io.servicedelivery.engine.ProcessData;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Complete service delivery": records effort, materials and cost of the delivery and releases the person's
 * reservation. Effort and materials are what the person reported; the rate and currency are the catalog's ({@link
 * DeliveryCompletion}).
 */
@Component("completeDelivery")
class CompleteDeliveryDelegate implements JavaDelegate {

  private final DeliveryCompletion completion;
  private final Clock clock;

  CompleteDeliveryDelegate(DeliveryCompletion completion, Clock clock) {
    this.completion = completion;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    BigDecimal cost =
        completion.complete(data.string(REQUEST_ID), data.decimal(EFFORT_HOURS), data.decimal(MATERIALS_COST));
    execution.setVariable(COST, cost.doubleValue());
    execution.setVariable(COMPLETED_AT, Date.from(clock.instant()));
  }
}
