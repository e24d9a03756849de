package io.servicedelivery.mailbox;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises mail that no person wrote and that must never create work: bounces (delivery status notifications) and
 * auto-replies (out of office, read receipts, autoresponders, mailing lists). Each check names what gave it away.
 */
public final class AutomaticMail {

  private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "auto_reply", "list");
  private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");
  private static final String[] AUTO_REPLY_HEADERS = {"X-Autoreply", "X-Autorespond", "X-Autoresponder"};
  private static final String[] AUTO_REPLY_SUBJECTS = {"automatic reply:", "auto-reply:", "autoreply:", "out of office:"};

  private AutomaticMail() {}

  /** Why the mail is a bounce, if it is one. */
  public static Optional<String> bounce(MimeMessage mail) throws MessagingException {
    ContentType type = contentType(mail);
    if (type != null && type.match("multipart/report")) {
      String reportType = type.getParameter("report-type");
      if (reportType == null || reportType.equalsIgnoreCase("delivery-status")) {
        return Optional.of("a delivery status report (multipart/report; report-type=delivery-status)");
      }
    }
    String returnPath = mail.getHeader("Return-Path", null);
    if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
      return Optional.of("an empty Return-Path <>");
    }
    Address[] from = mail.getFrom();
    if (from != null) {
      for (Address address : from) {
        if (address instanceof InternetAddress internet && internet.getAddress() != null) {
          String local = internet.getAddress().substring(0, Math.max(0, internet.getAddress().indexOf('@')));
          if (DAEMONS.contains(local.toLowerCase(Locale.ROOT))) {
            return Optional.of("sent by " + internet.getAddress());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Why the mail is an automatic answer, if it is one. */
  public static Optional<String> autoReply(MimeMessage mail) throws MessagingException {
    String autoSubmitted = mail.getHeader("Auto-Submitted", null);
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
    }
    for (String header : AUTO_REPLY_HEADERS) {
      if (mail.getHeader(header) != null) {
        return Optional.of("header " + header);
      }
    }
    String precedence = mail.getHeader("Precedence", null);
    if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of("Precedence: " + precedence.strip());
    }
    String suppress = mail.getHeader("X-Auto-Response-Suppress", null);
    if (suppress != null) {
      String value = suppress.toLowerCase(Locale.ROOT);
      if (value.contains("all") || value.contains("oof") || value.contains("autoreply")) {
        return Optional.of("X-Auto-Response-Suppress: " + suppress.strip());
      }
    }
    ContentType type = contentType(mail);
    if (type != null
        && type.match("multipart/report")
        && "disposition-notification".equalsIgnoreCase(type.getParameter("report-type"))) {
      return Optional.of("a read receipt (report-type=disposition-notification)");
    }
    String subject = mail.getSubject();
    if (subject != null) {
      String lower = subject.strip().toLowerCase(Locale.ROOT);
      for (String prefix : AUTO_REPLY_SUBJECTS) {
        if (lower.startsWith(prefix)) {
          return Optional.of("subject \"" + subject.strip() + "\"");
        }
      }
    }
    return Optional.empty();
  }

  private static ContentType contentType(MimeMessage mail) {
    try {
      String type = mail.getContentType();
      return type == null ? null : new ContentType(type);
    } catch (MessagingException unparsable) {
      return null;
    }
  }
}
