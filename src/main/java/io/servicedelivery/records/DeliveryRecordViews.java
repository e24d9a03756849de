package io.servicedelivery.records;

import io.servicedelivery.conversation.RequestAttachments;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.sla.SlaPauseLog;
import io.servicedelivery.sla.SlaPauseTotal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a request's record together with its steps from the engine's history, its pauses, its rating, its notes and
 * its files (without their content), in one read-only transaction: the engine's history queries take the transaction's
 * connection too.
 */
@Service
public class DeliveryRecordViews {

  private final ServiceDeliveryRecords records;
  private final SlaPauseLog pauses;
  private final DeliverySteps steps;
  private final CustomerFeedbacks feedbacks;
  private final RequestNotes notes;
  private final RequestAttachments attachments;
  private final TasklistComments tasklistComments;
  private final DeliveryObjections objections;

  public DeliveryRecordViews(
      ServiceDeliveryRecords records,
      SlaPauseLog pauses,
      DeliverySteps steps,
      CustomerFeedbacks feedbacks,
      RequestNotes notes,
      RequestAttachments attachments,
      TasklistComments tasklistComments,
      DeliveryObjections objections) {
    this.records = records;
    this.pauses = pauses;
    this.steps = steps;
    this.feedbacks = feedbacks;
    this.notes = notes;
    this.attachments = attachments;
    this.tasklistComments = tasklistComments;
    this.objections = objections;
  }

  /** The record as the application itself sees it, in full. */
  @Transactional(readOnly = true)
  public Optional<DeliveryRecordView> find(String requestId) {
    return find(requestId, Viewer.SYSTEM);
  }

  /**
   * The record, if the viewer may see its request ({@link Viewer}): coordinators and managers every record in full,
   * the other staff the records of the requests they work on, without the customer's e-mail address and the cost
   * (effort, rate, materials and total).
   */
  @Transactional(readOnly = true)
  public Optional<DeliveryRecordView> find(String requestId, Viewer viewer) {
    return records.find(requestId, viewer).map(record -> view(record, viewer.seesContactAndCost()));
  }

  private DeliveryRecordView view(ServiceDeliveryRecord record, boolean contactAndCost) {
    String requestId = record.requestId();
    SlaPauseTotal total = pauses.pauseTotals(List.of(requestId)).getOrDefault(requestId, SlaPauseTotal.NONE);
    return new DeliveryRecordView(
        requestId,
        record.processInstanceId(),
        record.channel(),
        record.serviceCode(),
        record.catalogVersion(),
        record.processVersion(),
        record.requestType(),
        record.priority(),
        record.title(),
        record.customerId(),
        record.requesterName(),
        contactAndCost ? record.requesterEmail() : null,
        record.outcome(),
        record.outcomeReason(),
        record.receivedAt(),
        record.plannedAt(),
        record.plannedStartAt(),
        record.plannedCompletionAt(),
        record.planDeviationReason(),
        record.assignedTo(),
        record.completedAt(),
        record.resolvedAt(),
        record.closedAt(),
        record.closedBy(),
        new DeliveryRecordView.Sla(
            record.responseDueAt(),
            record.responseMet(),
            record.resolutionDueAt(),
            record.resolutionMet(),
            record.slaBreachedAt(),
            total.paused(),
            pauses.pausesOf(requestId)),
        record.reworkCount(),
        record.reopenCount(),
        objections.of(requestId),
        record.firstTimeRight(),
        record.effortHours() == null || !contactAndCost
            ? null
            : new DeliveryRecordView.Cost(
                record.effortHours(),
                record.costRatePerHour(),
                record.materialsCost(),
                record.cost(),
                record.currency()),
        record.billingStatus(),
        feedbacks.of(requestId).orElse(null),
        steps.of(record.processInstanceId()),
        tasklistComments.withNotes(notes.of(requestId), requestId, record.processInstanceId()),
        attachments.of(requestId));
  }
}
