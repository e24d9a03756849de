package io.servicedelivery.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands one plain text mail to the SMTP server configured under {@code spring.mail}. */
@Component
class Mailer {

  private final JavaMailSender mailSender;
  private final String from;
  private final String senderDomain;

  Mailer(JavaMailSender mailSender, @Value("${servicedelivery.mail.from}") String from) throws AddressException {
    this.mailSender = mailSender;
    this.from = from;
    String address = new InternetAddress(from).getAddress();
    this.senderDomain = address.substring(address.indexOf('@') + 1);
  }

  /** A Message-ID of its own for a mail, in the sender's domain. */
  String newMessageId() {
    return "<" + UUID.randomUUID() + "@" + senderDomain + ">";
  }

  /**
   * Returns once the server has accepted the mail for every recipient. The mail carries the given Message-ID, so that
   * a mail sent a second time (a node died after the server accepted it, before its job was saved) is the same mail
   * to the mail systems that recognise copies by it.
   *
   * @throws MailException when the server is unreachable or refuses the mail
   */
  void send(String messageId, Collection<String> recipients, MailText text, Instant sentAt) {
    try {
      MimeMessage message =
          new MimeMessage(mailSender.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(text.subject());
      helper.setText(text.body());
      helper.setSentDate(Date.from(sentAt));
      mailSender.send(message);
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Invalid mail to " + recipients + ": " + e.getMessage(), e);
    }
  }
}
