package io.servicedelivery.conversation;

import java.time.Instant;

/**
 * A file attached to a request, without its content: what a list shows. The content is read one file at a time
 * ({@link RequestAttachments#content(String, long)}).
 *
 * @param sha256 the content's SHA-256, hex, to recognise the same file again and to check a download
 */
public record Attachment(
    long id,
    String requestId,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    Visibility visibility,
    NoteSource source,
    String author,
    Instant createdAt) {}
