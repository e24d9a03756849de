package io.servicedelivery.cluster;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.TestSocketUtils;

/**
 * The SMTP server both nodes send to (GreenMail in the test's JVM, no login), and the count of what arrived
 * against what the application queued ({@code notification_mail}: one row per mail, its recipients one per line).
 */
final class ClusterMail implements AutoCloseable {

  /** What arrived of the queued mails, counted per recipient's copy. */
  record Tally(long queued, long unsent, long expectedCopies, long receivedCopies, long duplicatedCopies,
      long missingCopies, Set<String> duplicatedSubjects, long copiesWithAnotherMessageId) {}

  private final GreenMail server;
  private final int port;

  private ClusterMail(GreenMail server, int port) {
    this.server = server;
    this.port = port;
  }

  static ClusterMail start() {
    int port = TestSocketUtils.findAvailableTcpPort();
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    return new ClusterMail(server, port);
  }

  int port() {
    return port;
  }

  /** Compares the mailboxes with the queued mails, by subject (each names its request) and recipient. */
  Tally tally(JdbcTemplate jdbc) {
    Map<String, Integer> expected = new HashMap<>();
    long[] queued = {0};
    long[] unsent = {0};
    jdbc.query("select subject, recipients, sent_at from notification_mail", rs -> {
      queued[0]++;
      if (rs.getTimestamp("sent_at") == null) {
        unsent[0]++;
      }
      for (String recipient : rs.getString("recipients").split("\n")) {
        expected.merge(rs.getString("subject") + "\n" + recipient.trim().toLowerCase(), 1, Integer::sum);
      }
    });
    Map<String, List<String>> messageIds = received();
    Map<String, Integer> received = new HashMap<>();
    messageIds.forEach((key, ids) -> received.put(key, ids.size()));
    // a copy sent again after the kill is the same mail: the Message-ID it got when it was queued
    long copiesWithAnotherMessageId =
        messageIds.values().stream().mapToLong(ids -> new HashSet<>(ids).size() - 1L).sum();
    long duplicated = 0;
    long missing = 0;
    Set<String> duplicatedSubjects = new HashSet<>();
    Set<String> keys = new HashSet<>(expected.keySet());
    keys.addAll(received.keySet());
    for (String key : keys) {
      int difference = received.getOrDefault(key, 0) - expected.getOrDefault(key, 0);
      if (difference > 0) {
        duplicated += difference;
        duplicatedSubjects.add(key.substring(0, key.indexOf('\n')));
      } else {
        missing -= difference;
      }
    }
    return new Tally(queued[0], unsent[0], expected.values().stream().mapToLong(Integer::longValue).sum(),
        received.values().stream().mapToLong(Integer::longValue).sum(), duplicated, missing, duplicatedSubjects,
        copiesWithAnotherMessageId);
  }

  /** The Message-IDs of the copies received, per subject and recipient. */
  private Map<String, List<String>> received() {
    Map<String, List<String>> received = new HashMap<>();
    try {
      for (GreenMailUser user : server.getManagers().getUserManager().listUser()) {
        for (StoredMessage stored : server.getManagers().getImapHostManager().getInbox(user).getMessages()) {
          MimeMessage message = stored.getMimeMessage();
          received
              .computeIfAbsent(message.getSubject() + "\n" + user.getEmail().toLowerCase(), key -> new ArrayList<>())
              .add(message.getMessageID());
        }
      }
    } catch (FolderException | MessagingException e) {
      throw new IllegalStateException("Could not read the received mail", e);
    }
    return received;
  }

  @Override
  public void close() {
    server.stop();
  }
}
