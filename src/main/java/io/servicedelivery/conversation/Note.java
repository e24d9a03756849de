package io.servicedelivery.conversation;

import java.time.Instant;

/** One entry of the conversation about a request: a comment, a work note, a progress report, a question, an answer. */
public record Note(
    long id,
    String requestId,
    NoteKind kind,
    Visibility visibility,
    NoteSource source,
    String author,
    String body,
    Instant createdAt) {}
