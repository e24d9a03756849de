package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CLOSED_BY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CONFIRMATION_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_OBJECTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REOPEN_COUNT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_NAME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLVED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED_MINUTES;

import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.conversation.Visibility;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.records.RecordClosures;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.sla.ResumedSla;
import io.servicedelivery.sla.SlaPauses;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reopen request": the customer objected to the completed delivery ({@code customerObjection}). The record keeps the
 * objection and counts the reopening (the request is no longer first time right), the objection is a comment on the
 * request the customer sees, and the resolution clock runs again: the due dates move by the working time the request
 * waited for the confirmation, so that the SLA timers of "Deliver service" are set right when it starts again. The
 * assignee who delivered is reserved again for the rework.
 */
@Component("reopenRequest")
class ReopenRequestDelegate implements JavaDelegate {

  private final RecordClosures closures;
  private final RequestNotes notes;
  private final SlaPauses pauses;
  private final ServiceDeliveryRecords records;
  private final ResourcePool resourcePool;
  private final SlaStandingVariables standing;

  ReopenRequestDelegate(
      RecordClosures closures,
      RequestNotes notes,
      SlaPauses pauses,
      ServiceDeliveryRecords records,
      ResourcePool resourcePool,
      SlaStandingVariables standing) {
    this.closures = closures;
    this.notes = notes;
    this.pauses = pauses;
    this.records = records;
    this.resourcePool = resourcePool;
    this.standing = standing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    String requestId = data.string(REQUEST_ID);
    String given = data.string(CUSTOMER_OBJECTION);
    String objection = given == null || given.isBlank() ? "(no reason given)" : given;
    closures.reopen(requestId, objection);
    String requester = data.string(REQUESTER_NAME);
    notes.add(
        requestId,
        NoteKind.COMMENT,
        Visibility.CUSTOMER,
        NoteSource.PROCESS,
        requester == null || requester.isBlank() ? "Customer" : requester,
        "Not as agreed: " + objection);
    ResumedSla resumed =
        pauses.resume(
            requestId,
            SlaVariables.read(execution),
            data.string(RESOLUTION_CALENDAR),
            Duration.ofMinutes(data.integer(SLA_PAUSED_MINUTES, 0)));
    records.moveResolutionDue(requestId, resumed.due().resolutionDueAt());
    SlaVariables.write(execution, resumed.due());
    execution.setVariable(SLA_PAUSED_MINUTES, (int) resumed.pausedInTotal().toMinutes());
    execution.setVariable(SLA_PAUSED, false);
    execution.setVariable(REOPEN_COUNT, data.integer(REOPEN_COUNT, 0) + 1);
    execution.removeVariable(RESOLVED_AT);
    execution.removeVariable(CONFIRMATION_DUE_AT);
    execution.removeVariable(CLOSED_BY);
    resourcePool.reserveForRework(requestId, data.string(ALLOCATED_RESOURCE));
    standing.refresh(execution);
  }
}
