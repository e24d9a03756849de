package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.records.CustomerTimelines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service blueprint's line of visibility, drawn in the diagram: the steps the customer sees carry an execution
 * listener {@code ${customerTimeline.record(execution, 'PLANNED')}} that puts the event on the customer's timeline.
 */
@Component("customerTimeline")
public class CustomerTimelineListener {

  private final CustomerTimelines records;

  CustomerTimelineListener(CustomerTimelines records) {
    this.records = records;
  }

  public void record(DelegateExecution execution, String event) {
    if (execution.isCanceled()) {
      return; // a step cancelled by the customer or a timer did not happen for them
    }
    records.recordCustomerEvent(ProcessData.of(execution).string(REQUEST_ID), CustomerEvent.valueOf(event));
  }
}
