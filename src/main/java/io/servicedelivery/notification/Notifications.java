package io.servicedelivery.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Sends notifications by e-mail, one mail per notification to all its recipients, and records each recipient of a
 * mail that the mail server accepted in {@code notification_outbox}, in the transaction of the caller. The callers
 * are the asynchronous send tasks of the process: when the server is down, the exception fails the job, the engine
 * retries it and nothing is recorded. A crash after the server accepted the mail but before the job committed sends
 * the mail again on the retry (at least once, never lost).
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);
  private static final int MAX_BODY = 4000;

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final MailTemplates templates;
  private final Mailer mailer;
  private final Clock clock;

  public Notifications(
      JdbcClient jdbc, IdentityService identityService, MailTemplates templates, Mailer mailer, Clock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.templates = templates;
    this.mailer = mailer;
    this.clock = clock;
  }

  /** Whether a mail can be addressed to {@code email} at all (whether it arrives is the mail server's business). */
  public static boolean isMailAddress(String email) {
    if (email == null || email.isBlank() || !email.contains("@")) {
      return false;
    }
    try {
      new InternetAddress(email.trim(), true);
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  /** Notifies the person who asked for the service. */
  public void notifyRequester(NotificationType type, String requestId, String email, Map<String, ?> model) {
    send(type, requestId, Set.of(email.trim()), model);
  }

  /** Notifies staff by their Camunda user id and every member of the given groups, each once. */
  public void notifyStaff(
      NotificationType type, String requestId, Collection<String> userIds, Collection<String> groupIds,
      Map<String, ?> model) {
    Set<String> emails = new LinkedHashSet<>();
    userIds.stream()
        .filter(Objects::nonNull)
        .forEach(id -> emailOf(identityService.createUserQuery().userId(id).singleResult(), emails));
    groupIds.forEach(
        group -> identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> emailOf(user, emails)));
    if (emails.isEmpty()) {
      log.warn("{} for {}: none of users {} or groups {} has an e-mail address", type, requestId, userIds, groupIds);
      return;
    }
    send(type, requestId, emails, model);
  }

  public List<OutboxNotification> outboxOf(String requestId) {
    return jdbc.sql(
            "select id, request_id, type, recipient, subject, body, created_at, sent_at, message_id"
                + " from notification_outbox where request_id = ? order by id")
        .param(requestId)
        .query(
            (rs, row) ->
                new OutboxNotification(
                    rs.getLong("id"),
                    rs.getString("request_id"),
                    rs.getString("type"),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                    rs.getString("message_id")))
        .list();
  }

  private static void emailOf(User user, Set<String> emails) {
    if (user != null && isMailAddress(user.getEmail())) {
      emails.add(user.getEmail().trim());
    }
  }

  private void send(NotificationType type, String requestId, Collection<String> recipients, Map<String, ?> model) {
    MailText text = templates.render(type, model);
    Instant sentAt = clock.instant();
    String messageId;
    try {
      messageId = mailer.send(recipients, text, sentAt);
    } catch (MailException e) {
      throw new NotificationNotSentException(
          type + " for " + requestId + " to " + recipients + " was not sent: " + e.getMessage(), e);
    }
    for (String recipient : recipients) {
      jdbc.sql(
              """
              insert into notification_outbox
                (request_id, type, recipient, subject, body, created_at, sent_at, message_id)
              values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .param(requestId)
          .param(type.name())
          .param(recipient)
          .param(text.subject())
          .param(text.body().length() > MAX_BODY ? text.body().substring(0, MAX_BODY) : text.body())
          .param(Timestamp.from(sentAt))
          .param(Timestamp.from(sentAt))
          .param(messageId)
          .update();
    }
    log.info("Mail {} for {} sent to {}: {} ({})", type, requestId, recipients, text.subject(), messageId);
  }
}
