package io.servicedelivery.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
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

  Mailer(JavaMailSender mailSender, @Value("${servicedelivery.mail.from}") String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  /**
   * Returns once the server has accepted the mail for every recipient.
   *
   * @return the mail's Message-ID
   * @throws MailException when the server is unreachable or refuses the mail
   */
  String send(Collection<String> recipients, MailText text, Instant sentAt) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(text.subject());
      helper.setText(text.body());
      helper.setSentDate(Date.from(sentAt));
      mailSender.send(message);
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Invalid mail to " + recipients + ": " + e.getMessage(), e);
    }
  }
}
