package io.servicedelivery.intake;

import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.records.CustomerFeedback;
import io.servicedelivery.sla.SlaState;
import java.time.Instant;
import java.util.List;

/**
 * A service request as its customer sees it: where it stands in their words, its SLA, and the events on their side
 * of the line of visibility, and their rating once they gave one; while it waits for them, the question they are
 * asked; the comments, questions and answers and the files meant for them. Backstage steps, work notes, the work log
 * and internal files are never shown.
 */
public record ServiceRequestView(
    String requestId,
    CustomerEvent status,
    String currentStep,
    List<String> reasons,
    String serviceCode,
    String serviceName,
    String requestType,
    String title,
    String priority,
    String channel,
    String externalReference,
    String customerId,
    Instant receivedAt,
    Sla sla,
    List<TimelineItem> timeline,
    CustomerFeedback feedback,
    Question question,
    List<Message> conversation,
    List<File> attachments) {

  /** The due times the request is bound to, and how it stands against them (none for rejected requests). */
  public record Sla(Instant responseDueAt, Instant resolutionDueAt, SlaState state) {}

  public record TimelineItem(CustomerEvent event, Instant at, String description) {}

  /** What the staff asked, while the request waits for the customer's answer. */
  public record Question(String text, Instant askedAt) {}

  /** A comment, question or answer the customer reads. */
  public record Message(NoteKind kind, String author, String text, Instant at) {}

  /** A file the customer may download, at {@code download}. */
  public record File(long id, String fileName, String contentType, long sizeBytes, Instant createdAt, String download) {}
}
