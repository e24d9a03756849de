package io.servicedelivery.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.util.TestSocketUtils;

/**
 * The demo profile's mail server as a person meets it: the application sends to it, and a mail client reads the
 * recipient's mailbox over IMAP with the address as user name and any password. On free ports here, not the
 * demo's 2525 and 2143, so that a running demo does not get in the way.
 */
class DemoMailServerTest {

  private final int smtpPort = TestSocketUtils.findAvailableTcpPort();
  private final int imapPort = TestSocketUtils.findAvailableTcpPort();

  private final ApplicationContextRunner demo =
      new ApplicationContextRunner()
          .withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
          .withUserConfiguration(DemoMailServer.class)
          .withPropertyValues(
              "spring.mail.host=127.0.0.1",
              "spring.mail.port=" + smtpPort,
              "servicedelivery.mail.demo-server.imap-port=" + imapPort,
              "servicedelivery.mailbox.address=service-desk@servicedelivery.example");

  @Test
  void theDeskHasAMailboxThatTheDemoReadsWithItsConfiguredLogin() {
    demo.run(
        context -> {
          assertThat(context.getBean(GreenMail.class).getUserManager().getUser("service-desk@servicedelivery.example"))
              .isNotNull();
          SimpleMailMessage mail = new SimpleMailMessage();
          mail.setFrom("ada@customer.example");
          mail.setTo("service-desk@servicedelivery.example");
          mail.setSubject("Printer jams");
          mail.setText("Every second page.");
          context.getBean(JavaMailSender.class).send(mail);

          // as application-demo.yaml configures servicedelivery.mailbox
          Store imap = Session.getInstance(new Properties()).getStore("imap");
          imap.connect("localhost", imapPort, "service-desk@servicedelivery.example", "demo");
          Folder inbox = imap.getFolder("INBOX");
          inbox.open(Folder.READ_ONLY);
          assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("Printer jams");
          inbox.close(false);
          imap.close();
        });
  }

  @Test
  void mailSentInTheDemoCanBeReadOverImapWithAnyPassword() {
    demo.run(
        context -> {
          SimpleMailMessage mail = new SimpleMailMessage();
          mail.setFrom("service-desk@servicedelivery.example");
          mail.setTo("ada@customer.example");
          mail.setSubject("We received your service request SR-000001");
          mail.setText("Hello Ada Customer");
          context.getBean(JavaMailSender.class).send(mail);

          Store imap = Session.getInstance(new Properties()).getStore("imap");
          imap.connect("127.0.0.1", imapPort, "ada@customer.example", "any password");
          Folder inbox = imap.getFolder("INBOX");
          inbox.open(Folder.READ_ONLY);
          Message[] messages = inbox.getMessages();
          assertThat(messages).hasSize(1);
          assertThat(messages[0].getSubject()).isEqualTo("We received your service request SR-000001");
          inbox.close(false);
          imap.close();
        });
  }

  @Test
  void offWhenTheTestsSaySoAndOutsideTheDemoProfile() {
    demo.withPropertyValues("servicedelivery.mail.demo-server.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(GreenMail.class));
    new ApplicationContextRunner()
        .withUserConfiguration(DemoMailServer.class)
        .run(context -> assertThat(context).doesNotHaveBean(GreenMail.class));
  }
}
