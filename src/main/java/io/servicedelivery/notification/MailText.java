package io.servicedelivery.notification;

/** A notification rendered for sending: one line of subject, plain text body. */
public record MailText(String subject, String body) {}
