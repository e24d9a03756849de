package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.COMPLETED_AT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.COST;
import static io.servicedelivery.delivery.ProcessConstants.Variables.COST_RATE_PER_HOUR;
import static io.servicedelivery.delivery.ProcessConstants.Variables.EFFORT_HOURS;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUEST_ID;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** H: records effort and cost of the delivery and releases the person's reservation. */
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
        completion.complete(data.string(REQUEST_ID), data.decimal(EFFORT_HOURS), data.decimal(COST_RATE_PER_HOUR));
    execution.setVariable(COST, cost.doubleValue());
    execution.setVariable(COMPLETED_AT, Date.from(clock.instant()));
  }
}
