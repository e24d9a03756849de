package io.servicedelivery.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a mail says: its text, the reply without the quoted mail, its attachments. */
public final class MailContent {

  /** An attachment of a mail. */
  public record Attachment(String fileName, String contentType, byte[] content) {}

  // "On Mon, 7 Dec 2026 at 10:00, Service Desk <...> wrote:", "Am 07.12.2026 um 10:00 schrieb ...:"
  private static final Pattern ATTRIBUTION =
      Pattern.compile("^\\s*(On\\s.*\\swrote|Am\\s.*\\sschrieb\\s?.*|Le\\s.*\\sa écrit)\\s*:\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ORIGINAL_MESSAGE =
      Pattern.compile(
          "^\\s*(-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Forwarded message)\\s*-{2,}|_{20,})\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern HTML_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>");

  private MailContent() {}

  /**
   * The reply's own words: without the lines quoted with "&gt;", and without everything from the quoted mail's
   * attribution line ("On … wrote:"), an "-----Original Message-----" separator or the signature separator "-- " on.
   */
  public static String withoutQuote(String text) {
    if (text == null) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      if (ATTRIBUTION.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches() || line.equals("-- ")) {
        break;
      }
      if (!line.stripLeading().startsWith(">")) {
        kept.add(line.stripTrailing());
      }
    }
    return String.join("\n", kept).strip();
  }

  /** Whether the reply is just a confirmation: its first non-empty line is "confirm" or "confirmed". */
  public static boolean isConfirmation(String reply) {
    return reply.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .findFirst()
        .map(line -> line.replaceAll("[.!]+$", "").toLowerCase(Locale.ROOT))
        .filter(line -> line.equals("confirm") || line.equals("confirmed"))
        .isPresent();
  }

  /** The mail's text: its first text/plain part that is no attachment, else its first text/html part as text. */
  public static String text(Part mail) throws MessagingException, IOException {
    return textOf(mail, "text/plain")
        .or(() -> htmlAsText(mail))
        .orElse("")
        .replace("\r\n", "\n")
        .strip();
  }

  private static Optional<String> htmlAsText(Part mail) {
    try {
      return textOf(mail, "text/html")
          .map(html -> HTML_TAG.matcher(HTML_BREAK.matcher(html).replaceAll("\n")).replaceAll(""))
          .map(MailContent::unescape);
    } catch (MessagingException | IOException e) {
      return Optional.empty();
    }
  }

  private static String unescape(String text) {
    return text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static Optional<String> textOf(Part part, String type) throws MessagingException, IOException {
    if (isAttachment(part)) {
      return Optional.empty();
    }
    if (part.isMimeType(type)) {
      return Optional.of(part.getContent().toString());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        Optional<String> text = textOf(multipart.getBodyPart(i), type);
        if (text.isPresent()) {
          return text;
        }
      }
    }
    return Optional.empty();
  }

  /** Every part of the mail that is an attachment (a part with a file name, or with disposition "attachment"). */
  public static List<Attachment> attachments(Part mail) throws MessagingException, IOException {
    List<Attachment> attachments = new ArrayList<>();
    collect(mail, attachments);
    return attachments;
  }

  private static void collect(Part part, List<Attachment> attachments) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, attachments);
      }
    } else if (isAttachment(part)) {
      try (InputStream content = part.getInputStream()) {
        attachments.add(
            new Attachment(
                fileName(part),
                new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT),
                content.readAllBytes()));
      }
    }
  }

  private static boolean isAttachment(Part part) throws MessagingException {
    return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        || (part.getFileName() != null && !part.isMimeType("multipart/*"));
  }

  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name == null || name.isBlank()) {
      return "attachment";
    }
    try {
      return MimeUtility.decodeText(name);
    } catch (java.io.UnsupportedEncodingException e) {
      return name;
    }
  }
}
