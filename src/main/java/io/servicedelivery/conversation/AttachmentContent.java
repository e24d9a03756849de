package io.servicedelivery.conversation;

/** One attachment with its content, for a download. */
public record AttachmentContent(Attachment attachment, byte[] content) {}
