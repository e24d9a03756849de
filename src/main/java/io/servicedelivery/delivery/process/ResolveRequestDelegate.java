package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CONFIRMATION_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLVED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.RecordClosures;
import io.servicedelivery.sla.SlaPauses;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Resolve request": the delivery passed its quality check. The record is resolved (its resolution SLA judged now),
 * the resolution clock stands still while the customer may confirm or object, and the confirmation period is set:
 * {@code confirmationDueAt}, the configured number of working days of the request's resolution calendar, which the
 * timer "Confirmation period ended" reads.
 */
@Component("resolveRequest")
class ResolveRequestDelegate implements JavaDelegate {

  private final RecordClosures closures;
  private final SlaPauses pauses;
  private final SlaStandingVariables standing;

  ResolveRequestDelegate(RecordClosures closures, SlaPauses pauses, SlaStandingVariables standing) {
    this.closures = closures;
    this.pauses = pauses;
    this.standing = standing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    String requestId = data.string(REQUEST_ID);
    Instant resolvedAt = closures.resolve(requestId);
    standing.refresh(execution); // the standing at the resolution, which the pause keeps
    SlaPauses.Pause confirmation = pauses.awaitConfirmation(requestId, data.string(RESOLUTION_CALENDAR));
    execution.setVariable(RESOLVED_AT, Date.from(resolvedAt));
    execution.setVariable(CONFIRMATION_DUE_AT, Date.from(confirmation.answerDue()));
    execution.setVariable(SLA_PAUSED, true);
    standing.refresh(execution);
  }
}
