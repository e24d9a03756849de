package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_COMPLETION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLANNED_START;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PLAN_DEVIATION_REASON;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_DUE_AT;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.engine.TaskInputCheck;
import io.servicedelivery.records.ServiceDeliveryRecords;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the plan "Plan delivery" made, once {@link PlanDeliveryValidation} accepted it: on the delivery record (the
 * planned start and completion, and why the plan ends after the resolution due time when it does), and as people read
 * it in the later forms ({@link ReadableRequestVariables}).
 */
@Component("recordPlan")
class RecordPlanListener implements TaskListener {

  private final ServiceDeliveryRecords records;
  private final ReadableRequestVariables readable;

  RecordPlanListener(ServiceDeliveryRecords records, ReadableRequestVariables readable) {
    this.records = records;
    this.readable = readable;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskInputCheck.completedByAnother(task)) {
      return; // the engine fails this completion as a lost race
    }
    ProcessData data = ProcessData.of(task);
    Instant completion = data.instant(PLANNED_COMPLETION);
    Instant due = data.instant(RESOLUTION_DUE_AT);
    boolean late = due != null && completion.isAfter(due);
    records.recordPlan(
        data.string(REQUEST_ID),
        data.instant(PLANNED_START),
        completion,
        late ? data.string(PLAN_DEVIATION_REASON) : null);
    readable.write(task);
  }
}
