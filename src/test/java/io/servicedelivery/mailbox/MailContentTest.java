package io.servicedelivery.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailContentTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  @Test
  void aReplyLosesTheQuotedLinesAndEverythingFromTheAttributionOn() {
    String reply =
        """
        The company laptop, please.

        > Which device will your colleague use?
        Thanks, Ada

        On Mon, 23 Nov 2026 at 09:00, Service Desk <service-desk@servicedelivery.example> wrote:
        Which device will your colleague use?
        """;

    assertThat(MailContent.withoutQuote(reply)).isEqualTo("The company laptop, please.\n\nThanks, Ada");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-----Original Message-----",
        "________________________________",
        "Am 23.11.2026 um 09:00 schrieb Service Desk <service-desk@servicedelivery.example>:",
        "-- "
      })
  void theQuotedMailStartsAtTheUsualSeparators(String separator) {
    assertThat(MailContent.withoutQuote("A tablet.\r\n" + separator + "\r\nFrom: Service Desk\r\nthe question"))
        .isEqualTo("A tablet.");
  }

  @Test
  void aReplyOfOnlyQuotedTextIsEmpty() {
    assertThat(MailContent.withoutQuote("> the question\n>> the earlier one\n")).isEmpty();
    assertThat(MailContent.withoutQuote(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"confirm", "Confirmed", "  CONFIRMED!\n\nThanks", "\n\nconfirm.\n> quoted"})
  void aConfirmationIsAFirstLineOfJustConfirmOrConfirmed(String reply) {
    assertThat(MailContent.isConfirmation(reply)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"I cannot confirm this works", "confirmed? no, it still fails", "", "not confirmed"})
  void anythingElseIsNoConfirmation(String reply) {
    assertThat(MailContent.isConfirmation(reply)).isFalse();
  }

  @Test
  void theTextIsThePlainPartAndTheAttachmentsAreExtractedWithNameTypeAndBytes() throws Exception {
    MimeMessage mail = new MimeMessage(SESSION);
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText("The printer shows error E-42.", "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent("<p>The printer shows <b>error E-42</b>.</p>", "text/html; charset=UTF-8");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(html);
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    mixed.addBodyPart(body);
    MimeBodyPart photo = new MimeBodyPart();
    photo.setContent(new byte[] {1, 2, 3, 4}, "image/png");
    photo.setFileName("Störung.png");
    photo.setDisposition(MimeBodyPart.ATTACHMENT);
    mixed.addBodyPart(photo);
    MimeBodyPart log = new MimeBodyPart();
    log.setText("line 1\nline 2\n", "UTF-8");
    log.setFileName("printer.log");
    mixed.addBodyPart(log);
    mail.setContent(mixed);
    mail.saveChanges();
    MimeMessage parsed = reparsed(mail);

    assertThat(MailContent.text(parsed)).isEqualTo("The printer shows error E-42.");
    assertThat(MailContent.attachments(parsed))
        .satisfiesExactly(
            first -> {
              assertThat(first.fileName()).isEqualTo("Störung.png");
              assertThat(first.contentType()).isEqualTo("image/png");
              assertThat(first.content()).containsExactly(1, 2, 3, 4);
            },
            second -> {
              assertThat(second.fileName()).isEqualTo("printer.log");
              assertThat(second.contentType()).isEqualTo("text/plain");
              assertThat(new String(second.content(), StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\n");
            });
  }

  @Test
  void anHtmlOnlyMailIsReadAsText() throws Exception {
    MimeMessage mail = new MimeMessage(SESSION);
    mail.setContent("<div>Hello &amp; thanks</div><div>Ada</div>", "text/html; charset=UTF-8");
    mail.saveChanges();

    assertThat(MailContent.text(reparsed(mail))).isEqualTo("Hello & thanks\nAda");
    assertThat(MailContent.attachments(reparsed(mail))).isEmpty();
  }

  static MimeMessage reparsed(MimeMessage mail) throws Exception {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    mail.writeTo(raw);
    return new MimeMessage(SESSION, new ByteArrayInputStream(raw.toByteArray()));
  }
}
