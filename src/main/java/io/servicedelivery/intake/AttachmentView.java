package io.servicedelivery.intake;

import io.servicedelivery.conversation.Attachment;
import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.conversation.Visibility;
import java.time.Instant;

/** What is known about a file attached to a request, and where to download it. */
public record AttachmentView(
    long id,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    Visibility visibility,
    NoteSource source,
    String author,
    Instant createdAt,
    String download) {

  static AttachmentView of(Attachment attachment) {
    return new AttachmentView(
        attachment.id(),
        attachment.fileName(),
        attachment.contentType(),
        attachment.sizeBytes(),
        attachment.sha256(),
        attachment.visibility(),
        attachment.source(),
        attachment.author(),
        attachment.createdAt(),
        downloadPath(attachment.requestId(), attachment.id()));
  }

  static String downloadPath(String requestId, long attachmentId) {
    return "/api/service-requests/" + requestId + "/attachments/" + attachmentId;
  }
}
