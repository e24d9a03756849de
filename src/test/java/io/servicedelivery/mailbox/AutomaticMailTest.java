package io.servicedelivery.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutomaticMailTest {

  private static MimeMessage mail(String from) throws Exception {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(new InternetAddress(from));
    mail.setSubject("Re: SR-000001");
    mail.setText("The company laptop.");
    return mail;
  }

  @ParameterizedTest
  @CsvSource({
    "Auto-Submitted, auto-replied",
    "Auto-Submitted, auto-generated",
    "X-Autoreply, yes",
    "X-Autorespond, on",
    "Precedence, bulk",
    "Precedence, auto_reply",
    "Precedence, list",
    "X-Auto-Response-Suppress, All"
  })
  void autoRepliesAreKnownByTheirHeaders(String header, String value) throws Exception {
    MimeMessage mail = mail("ada@customer.example");
    mail.setHeader(header, value);

    assertThat(AutomaticMail.autoReply(mail)).isPresent();
    assertThat(AutomaticMail.bounce(mail)).isEmpty();
  }

  @Test
  void anOutOfOfficeSubjectIsAnAutoReply() throws Exception {
    MimeMessage mail = mail("ada@customer.example");
    mail.setSubject("Automatic reply: We need information for your service request SR-000001");

    assertThat(AutomaticMail.autoReply(mail)).contains("subject \"Automatic reply: We need information for your"
        + " service request SR-000001\"");
  }

  @Test
  void aPersonsMailIsNeitherAutoReplyNorBounce() throws Exception {
    MimeMessage mail = mail("ada@customer.example");
    mail.setHeader("Auto-Submitted", "no");
    mail.setHeader("Precedence", "first-class");

    assertThat(AutomaticMail.autoReply(mail)).isEmpty();
    assertThat(AutomaticMail.bounce(mail)).isEmpty();
  }

  @Test
  void bouncesAreKnownByTheirSenderOrEmptyReturnPath() throws Exception {
    assertThat(AutomaticMail.bounce(mail("MAILER-DAEMON@mx.customer.example"))).contains(
        "sent by MAILER-DAEMON@mx.customer.example");
    assertThat(AutomaticMail.bounce(mail("postmaster@customer.example"))).isPresent();
    MimeMessage emptyReturnPath = mail("ada@customer.example");
    emptyReturnPath.setHeader("Return-Path", "<>");
    assertThat(AutomaticMail.bounce(emptyReturnPath)).contains("an empty Return-Path <>");
  }

  @Test
  void theStoredMessageIdIsHashedWhenTooLong() {
    String longId = "<" + "x".repeat(300) + "@customer.example>";

    assertThat(InboundMails.key("<short@customer.example>", new byte[0])).isEqualTo("<short@customer.example>");
    assertThat(InboundMails.key(longId, new byte[0])).startsWith("sha256:").hasSize(71);
    assertThat(InboundMails.key(null, new byte[] {1})).startsWith("sha256:");
    assertThat(InboundMailHandling.reference("<" + "y".repeat(120) + "@customer.example>"))
        .startsWith("sha256:")
        .hasSize(71);
    assertThat(InboundMailHandling.reference("<short@customer.example>")).isEqualTo("<short@customer.example>");
  }
}
