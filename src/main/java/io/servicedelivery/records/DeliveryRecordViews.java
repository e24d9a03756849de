package io.servicedelivery.records;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a request's record together with its steps from the engine's history, its pauses and its rating, in one
 * read-only transaction: the engine's history queries take the transaction's connection too.
 */
@Service
public class DeliveryRecordViews {

  private final ServiceDeliveryRecords records;
  private final DeliverySteps steps;
  private final CustomerFeedbacks feedbacks;

  public DeliveryRecordViews(ServiceDeliveryRecords records, DeliverySteps steps, CustomerFeedbacks feedbacks) {
    this.records = records;
    this.steps = steps;
    this.feedbacks = feedbacks;
  }

  @Transactional(readOnly = true)
  public Optional<DeliveryRecordView> find(String requestId) {
    return records.find(requestId).map(this::view);
  }

  private DeliveryRecordView view(ServiceDeliveryRecord record) {
    String requestId = record.requestId();
    SlaPauseTotal pauses = records.pauseTotals(List.of(requestId)).getOrDefault(requestId, SlaPauseTotal.NONE);
    return new DeliveryRecordView(
        requestId,
        record.processInstanceId(),
        record.channel(),
        record.serviceCode(),
        record.catalogVersion(),
        record.requestType(),
        record.priority(),
        record.title(),
        record.customerId(),
        record.requesterName(),
        record.requesterEmail(),
        record.outcome(),
        record.outcomeReason(),
        record.receivedAt(),
        record.plannedAt(),
        record.plannedCompletionAt(),
        record.assignedTo(),
        record.completedAt(),
        record.closedAt(),
        new DeliveryRecordView.Sla(
            record.responseDueAt(),
            record.responseMet(),
            record.resolutionDueAt(),
            record.resolutionMet(),
            record.slaBreachedAt(),
            pauses.paused(),
            records.pausesOf(requestId)),
        record.reworkCount(),
        record.firstTimeRight(),
        record.effortHours() == null
            ? null
            : new DeliveryRecordView.Cost(
                record.effortHours(),
                record.costRatePerHour(),
                record.materialsCost(),
                record.cost(),
                record.currency()),
        record.billingStatus(),
        feedbacks.of(requestId).orElse(null),
        steps.of(record.processInstanceId()));
  }
}
