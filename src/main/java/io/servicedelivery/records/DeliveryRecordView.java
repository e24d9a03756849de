package io.servicedelivery.records;

import io.servicedelivery.conversation.Attachment;
import io.servicedelivery.conversation.Note;
import io.servicedelivery.sla.SlaPauseEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The service delivery record of one request as the staff see it: what was asked, every step with who, when and how
 * long, the SLA results, quality, cost, billing and the customer's rating; the whole conversation about it (comments,
 * work notes, the work log, questions and answers, oldest first) and the files attached to it, without their content.
 */
public record DeliveryRecordView(
    String requestId,
    String processInstanceId,
    String channel,
    String serviceCode,
    Integer catalogVersion,
    /** the version of the process service-delivery the request runs (ran) on; it follows a migration */
    Integer processVersion,
    String requestType,
    String priority,
    String title,
    String customerId,
    String requesterName,
    String requesterEmail,
    RequestOutcome outcome,
    String outcomeReason,
    Instant receivedAt,
    Instant plannedAt,
    Instant plannedStartAt,
    Instant plannedCompletionAt,
    String planDeviationReason,
    String assignedTo,
    Instant completedAt,
    /** when the delivery last passed its quality check and the customer was asked to confirm it */
    Instant resolvedAt,
    Instant closedAt,
    /** for a delivered request: CONFIRMED by the customer, or NO_OBJECTION within the confirmation period */
    ClosedBy closedBy,
    Sla sla,
    int reworkCount,
    /** how often the customer objected to a resolution and the request was reopened */
    int reopenCount,
    /** what the customer said was wrong, each time */
    List<DeliveryObjections.Objection> objections,
    Boolean firstTimeRight,
    Cost cost,
    BillingStatus billingStatus,
    CustomerFeedback feedback,
    List<DeliveryStep> steps,
    List<Note> notes,
    List<Attachment> attachments) {

  /** The due times, whether they were met, the breach and the pauses of the resolution clock. */
  public record Sla(
      Instant responseDueAt,
      Boolean responseMet,
      Instant resolutionDueAt,
      Boolean resolutionMet,
      Instant breachedAt,
      Duration paused,
      List<SlaPauseEntry> pauses) {}

  /** {@code total} = {@code effortHours} × {@code ratePerHour} + {@code materials}, recorded at completion. */
  public record Cost(
      BigDecimal effortHours, BigDecimal ratePerHour, BigDecimal materials, BigDecimal total, String currency) {}
}
