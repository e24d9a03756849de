package io.servicedelivery.conversation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Files attached to a request (table {@code request_attachment}), from the API, the mailbox or the staff. The
 * content is stored in the table, never in a process variable, with its SHA-256. A file must keep to the limits of
 * {@link AttachmentLimits}: its size, and a type that is allowed and that its declared content type, its file name's
 * extension and its first bytes agree on ({@link AttachmentTypes}). Lists return what is known about the files, never
 * their content; {@link #content(String, long)} reads one file.
 */
@Service
@EnableConfigurationProperties(AttachmentLimits.class)
public class RequestAttachments {

  private static final String OCTET_STREAM = "application/octet-stream";
  private static final int MAX_FILE_NAME = 255;
  private static final String METADATA =
      "id, request_id, file_name, content_type, size_bytes, sha256, visibility, source, author, created_at";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AttachmentLimits limits;

  public RequestAttachments(JdbcClient jdbc, Clock clock, AttachmentLimits limits) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Attaches a file to the request, in the caller's transaction if there is one.
   *
   * @param fileName the name the file had; a path in it is dropped
   * @param contentType the declared content type; none or {@code application/octet-stream} means the type its
   *     extension stands for
   * @return the attachment as stored, without its content
   * @throws AttachmentRejectedException when the file is empty, too large or of a type that is not allowed, or when
   *     its declared type, its extension and its content do not agree
   */
  public Attachment add(
      String requestId,
      String fileName,
      String contentType,
      byte[] content,
      Visibility visibility,
      NoteSource source,
      String author) {
    String name = fileNameOf(fileName);
    String type = checkedType(name, contentType, content);
    Instant createdAt = clock.instant();
    String sha256 = sha256(content);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into request_attachment (request_id, file_name, content_type, size_bytes, sha256, visibility,"
                + " source, author, created_at, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .param(requestId)
        .param(name)
        .param(type)
        .param((long) content.length)
        .param(sha256)
        .param(visibility.name())
        .param(source.name())
        .param(author)
        .param(Timestamp.from(createdAt))
        .param(content)
        .update(key, "id");
    return new Attachment(
        key.getKey().longValue(), requestId, name, type, content.length, sha256, visibility, source, author,
        createdAt);
  }

  /** Every file attached to the request, oldest first, without content. */
  public List<Attachment> of(String requestId) {
    return jdbc.sql("select " + METADATA + " from request_attachment where request_id = ? order by id")
        .param(requestId)
        .query(RequestAttachments::attachment)
        .list();
  }

  /** The files of the request the customer may see, oldest first, without content. */
  public List<Attachment> forCustomer(String requestId) {
    return jdbc.sql(
            "select " + METADATA + " from request_attachment where request_id = ? and visibility = ? order by id")
        .param(requestId)
        .param(Visibility.CUSTOMER.name())
        .query(RequestAttachments::attachment)
        .list();
  }

  /** One file of the request with its content; empty when the request has no such file. */
  public Optional<AttachmentContent> content(String requestId, long attachmentId) {
    return jdbc.sql(
            "select " + METADATA + ", content from request_attachment where request_id = ? and id = ?")
        .param(requestId)
        .param(attachmentId)
        .query((rs, row) -> new AttachmentContent(attachment(rs, row), rs.getBytes("content")))
        .optional();
  }

  /** The limits files are held to. */
  public AttachmentLimits limits() {
    return limits;
  }

  private String checkedType(String name, String declared, byte[] content) {
    if (content == null || content.length == 0) {
      throw AttachmentRejectedException.invalid(name + " is empty.", "must not be empty");
    }
    long maxSize = limits.maxSize().toBytes();
    if (content.length > maxSize) {
      throw AttachmentRejectedException.tooLarge(name, content.length, maxSize);
    }
    String allowed = AttachmentTypes.describe(limits.allowedTypes());
    AttachmentTypes.FileType type =
        AttachmentTypes.byExtension(name, limits.allowedTypes())
            .orElseThrow(
                () -> AttachmentRejectedException.typeNotAllowed(
                    name + " is not of a type that may be attached.", allowed));
    String base = baseType(declared);
    if (base != null && !base.equals(OCTET_STREAM)
        && !base.equals(type.contentType()) && !type.aliases().contains(base)) {
      throw AttachmentRejectedException.typeNotAllowed(
          name + " is declared as " + base + ", which its extension does not stand for.", allowed);
    }
    if (!type.content().test(content)) {
      throw AttachmentRejectedException.typeNotAllowed(
          "The content of " + name + " is not " + type.label() + ", as its name says.", allowed);
    }
    return type.contentType();
  }

  private static String fileNameOf(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      throw AttachmentRejectedException.invalid("The file has no name.", "must have a file name");
    }
    if (name.length() > MAX_FILE_NAME) {
      throw AttachmentRejectedException.invalid(
          "The file name is longer than " + MAX_FILE_NAME + " characters.",
          "must have a name of at most " + MAX_FILE_NAME + " characters");
    }
    return name;
  }

  private static String baseType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }

  private static Attachment attachment(ResultSet rs, int row) throws SQLException {
    return new Attachment(
        rs.getLong("id"),
        rs.getString("request_id"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        Visibility.valueOf(rs.getString("visibility")),
        NoteSource.valueOf(rs.getString("source")),
        rs.getString("author"),
        rs.getTimestamp("created_at").toInstant());
  }
}
