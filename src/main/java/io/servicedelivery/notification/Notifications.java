package io.servicedelivery.notification;

import java.sql.Timestamp;
import java.time.Clock;
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
import org.springframework.stereotype.Service;

/**
 * Puts notifications into the outbox, one row per recipient, in the same transaction as the process step that
 * causes them: a step that rolls back sends nothing.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final Clock clock;

  public Notifications(JdbcClient jdbc, IdentityService identityService, Clock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** Notifies the person who asked for the service. */
  public void notifyRequester(NotificationType type, String requestId, String email, Map<String, ?> model) {
    enqueue(type, requestId, Set.of(email), model);
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
    }
    enqueue(type, requestId, emails, model);
  }

  public List<OutboxNotification> outboxOf(String requestId) {
    return jdbc.sql(
            "select id, request_id, type, recipient, subject, body, created_at from notification_outbox"
                + " where request_id = ? order by id")
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
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  private static void emailOf(User user, Set<String> emails) {
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      emails.add(user.getEmail());
    }
  }

  private void enqueue(NotificationType type, String requestId, Collection<String> recipients, Map<String, ?> model) {
    String subject = type.subject(model);
    String body = type.body(model);
    for (String recipient : recipients) {
      jdbc.sql(
              """
              insert into notification_outbox (request_id, type, recipient, subject, body, created_at)
              values (?, ?, ?, ?, ?, ?)""")
          .param(requestId)
          .param(type.name())
          .param(recipient)
          .param(subject)
          .param(body.length() > 4000 ? body.substring(0, 4000) : body)
          .param(Timestamp.from(clock.instant()))
          .update();
      log.info("Notification {} for {} queued to {}: {}", type, requestId, recipient, subject);
    }
  }
}
