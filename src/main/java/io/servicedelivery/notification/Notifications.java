package io.servicedelivery.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Notifications by e-mail, one mail per notification to all its recipients, in two steps. {@code queue…} chooses the
 * recipients and renders the text in the caller's transaction (the step of the request that causes the mail) and
 * keeps the mail in {@code notification_mail}; {@link #send(long)} hands it to the mail server later, in a job of the
 * process "notification", and records each recipient of a mail that the server accepted in {@code
 * notification_outbox}. When the server is down, the exception fails that job, the engine retries it and nothing is
 * recorded. A crash after the server accepted the mail but before the job committed sends the mail again on the retry
 * (at least once, never lost), with the Message-ID it got when it was queued: the same mail to whoever recognises
 * copies by it.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);
  private static final int MAX_BODY = 4000;
  private static final int MAX_SUBJECT = 300;
  private static final int MAX_MAIL_BODY = 20000;

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

  /**
   * Queues a mail to the person who asked for the service.
   *
   * @param zone the time zone the mail gives its times in
   * @return the queued mail, for {@link #send(long)}
   */
  public long queueForRequester(
      NotificationType type, String requestId, String email, Map<String, ?> model, ZoneId zone) {
    return queue(type, requestId, Set.of(email.trim()), model, zone);
  }

  /**
   * Queues a mail to staff by their Camunda user id and to every member of the given groups, each once.
   *
   * @param zone the time zone the mail gives its times in
   * @return the queued mail, for {@link #send(long)}; empty when none of them has an e-mail address
   */
  public Optional<Long> queueForStaff(
      NotificationType type, String requestId, Collection<String> userIds, Collection<String> groupIds,
      Map<String, ?> model, ZoneId zone) {
    Set<String> emails = new LinkedHashSet<>();
    userIds.stream()
        .filter(Objects::nonNull)
        .forEach(id -> emailOf(identityService.createUserQuery().userId(id).singleResult(), emails));
    groupIds.forEach(
        group -> identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> emailOf(user, emails)));
    if (emails.isEmpty()) {
      log.warn("{} for {}: none of users {} or groups {} has an e-mail address", type, requestId, userIds, groupIds);
      return Optional.empty();
    }
    return Optional.of(queue(type, requestId, emails, model, zone));
  }

  /**
   * Sends a queued mail and records its recipients in the outbox; a mail sent already is not sent again.
   *
   * @throws NotificationNotSentException when the mail server did not accept the mail
   */
  public void send(long mailId) {
    QueuedMail mail =
        jdbc.sql(
                "select request_id, type, recipients, subject, body, sent_at, message_id from notification_mail"
                    + " where id = ?")
            .param(mailId)
            .query(
                (rs, row) ->
                    new QueuedMail(
                        rs.getString("request_id"),
                        rs.getString("type"),
                        List.of(rs.getString("recipients").split("\n")),
                        new MailText(rs.getString("subject"), rs.getString("body")),
                        rs.getTimestamp("sent_at") != null,
                        rs.getString("message_id")))
            .optional()
            .orElseThrow(() -> new IllegalStateException("No queued mail " + mailId));
    if (mail.sent()) {
      log.info("Mail {} for {} was sent already", mail.type(), mail.requestId());
      return;
    }
    Instant sentAt = clock.instant();
    // queued before mails got their Message-ID when queued
    String messageId = mail.messageId() != null ? mail.messageId() : mailer.newMessageId();
    try {
      mailer.send(messageId, mail.recipients(), mail.text(), sentAt);
    } catch (MailException e) {
      throw new NotificationNotSentException(
          mail.type() + " for " + mail.requestId() + " to " + mail.recipients() + " was not sent: " + e.getMessage(),
          e);
    }
    jdbc.sql("update notification_mail set sent_at = ?, message_id = ? where id = ?")
        .params(Timestamp.from(sentAt), messageId, mailId)
        .update();
    for (String recipient : mail.recipients()) {
      jdbc.sql(
              """
              insert into notification_outbox
                (request_id, type, recipient, subject, body, created_at, sent_at, message_id)
              values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .param(mail.requestId())
          .param(mail.type())
          .param(recipient)
          .param(mail.text().subject())
          .param(truncated(mail.text().body(), MAX_BODY))
          .param(Timestamp.from(sentAt))
          .param(Timestamp.from(sentAt))
          .param(messageId)
          .update();
    }
    log.info(
        "Mail {} for {} sent to {}: {} ({})",
        mail.type(), mail.requestId(), mail.recipients(), mail.text().subject(), messageId);
  }

  private record QueuedMail(
      String requestId, String type, List<String> recipients, MailText text, boolean sent, String messageId) {}

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

  /**
   * The request of the first of our mails among the given Message-IDs (a reply's {@code In-Reply-To} and {@code
   * References}): how the mailbox matches a reply to its request.
   */
  public Optional<String> requestOfMail(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select request_id from notification_mail where message_id in (:ids) order by id desc"
                + " fetch first 1 rows only")
        .param("ids", List.copyOf(messageIds))
        .query(String.class)
        .optional();
  }

  private static void emailOf(User user, Set<String> emails) {
    if (user != null && isMailAddress(user.getEmail())) {
      emails.add(user.getEmail().trim());
    }
  }

  private long queue(
      NotificationType type, String requestId, Collection<String> recipients, Map<String, ?> model, ZoneId zone) {
    MailText text = templates.render(type, model, zone);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into notification_mail (request_id, type, recipients, subject, body, queued_at, message_id)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .param(requestId)
        .param(type.name())
        .param(String.join("\n", recipients))
        .param(truncated(text.subject(), MAX_SUBJECT))
        .param(truncated(text.body(), MAX_MAIL_BODY))
        .param(Timestamp.from(clock.instant()))
        .param(mailer.newMessageId())
        .update(key, "id");
    return key.getKeyAs(Long.class);
  }

  private static String truncated(String text, int length) {
    return text.length() > length ? text.substring(0, length) : text;
  }
}
