package io.servicedelivery.mailbox;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table inbound_mail: every mail read from the service-desk mailbox, with its raw source, once per Message-ID. */
@Repository
public class InboundMails {

  static final int MAX_MESSAGE_ID = 250;
  private static final String COLUMNS =
      "id, message_id, from_address, to_address, subject, received_at, status, outcome, reason, request_id,"
          + " processed_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  InboundMails(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the mail unless a mail with its Message-ID is stored already, in the caller's transaction.
   *
   * @return the stored mail's id; empty when it was stored before (read again after a crash, or delivered twice)
   */
  public Optional<Long> store(MimeMessage message, byte[] raw) throws MessagingException {
    String messageId = key(message.getMessageID(), raw);
    int inserted =
        jdbc.sql(
                """
                insert into inbound_mail (message_id, from_address, to_address, subject, in_reply_to,
                  mail_references, received_at, raw, status)
                select ?, ?, ?, ?, ?, ?, ?, ?, ? from (values (1)) as one (x)
                where not exists (select 1 from inbound_mail where message_id = ?)""")
            .param(messageId)
            .param(cut(addresses(message.getFrom()), 320))
            .param(cut(addresses(message.getAllRecipients()), 2000))
            .param(cut(message.getSubject(), 1000))
            .param(cut(message.getHeader("In-Reply-To", " "), 1000))
            .param(cut(message.getHeader("References", " "), 4000))
            .param(Timestamp.from(clock.instant()))
            .param(raw)
            .param(InboundMailStatus.RECEIVED.name())
            .param(messageId)
            .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql("select id from inbound_mail where message_id = ?").param(messageId).query(Long.class).single());
  }

  /** The Message-ID as stored: the header itself, or a hash of it when longer than the column, or of the source. */
  static String key(String messageId, byte[] raw) {
    if (messageId == null || messageId.isBlank()) {
      return "sha256:" + sha256(raw);
    }
    String trimmed = messageId.trim();
    return trimmed.length() <= MAX_MESSAGE_ID ? trimmed : "sha256:" + sha256(trimmed.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<InboundMail> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from inbound_mail where id = ?").param(id).query(this::map).optional();
  }

  /** The mail's raw RFC 822 source. */
  public byte[] raw(long id) {
    return jdbc.sql("select raw from inbound_mail where id = ?").param(id).query(byte[].class).single();
  }

  /** The stored mails, newest first, of one status or all. */
  public List<InboundMail> list(InboundMailStatus status, int limit) {
    String where = status == null ? "" : " where status = :status";
    var sql =
        jdbc.sql(
                "select " + COLUMNS + " from inbound_mail" + where + " order by id desc fetch first :limit rows only")
            .param("limit", limit);
    if (status != null) {
      sql = sql.param("status", status.name());
    }
    return sql.query(this::map).list();
  }

  void processed(long id, MailOutcome outcome, String requestId) {
    finish(id, InboundMailStatus.PROCESSED, outcome, null, requestId);
  }

  void ignored(long id, IgnoreReason reason, String detail, String requestId) {
    finish(id, InboundMailStatus.IGNORED, MailOutcome.IGNORED, cut(reason.name() + ": " + detail, 500), requestId);
  }

  private void finish(long id, InboundMailStatus status, MailOutcome outcome, String reason, String requestId) {
    jdbc.sql(
            "update inbound_mail set status = ?, outcome = ?, reason = ?, request_id = ?, processed_at = ?"
                + " where id = ?")
        .params(status.name(), outcome.name(), reason, requestId, Timestamp.from(clock.instant()), id)
        .update();
  }

  private InboundMail map(ResultSet rs, int row) throws SQLException {
    Timestamp processedAt = rs.getTimestamp("processed_at");
    String outcome = rs.getString("outcome");
    return new InboundMail(
        rs.getLong("id"),
        rs.getString("message_id"),
        rs.getString("from_address"),
        rs.getString("to_address"),
        rs.getString("subject"),
        rs.getTimestamp("received_at").toInstant(),
        InboundMailStatus.valueOf(rs.getString("status")),
        outcome == null ? null : MailOutcome.valueOf(outcome),
        rs.getString("reason"),
        rs.getString("request_id"),
        processedAt == null ? null : processedAt.toInstant());
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? null
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
