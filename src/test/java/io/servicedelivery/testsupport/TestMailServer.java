package io.servicedelivery.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.util.TestSocketUtils;

/**
 * The mail server of the tests: one GreenMail (SMTP, and IMAP for the service-desk mailbox) for the whole test JVM,
 * on free ports chosen once, so that parallel builds on one machine do not clash. Registered in {@code META-INF/spring.factories}, so nothing needs to
 * be declared: every Spring test context sends its mail here ({@link Customizer}, which also keeps the demo
 * profile's own mail server off), and the mailboxes are emptied before every test method ({@link Purge}). Tests read
 * what arrived with {@link #received()} and take the server down for an outage with {@link #stop()}; it comes back
 * with {@link #start()}, or by itself before the next test. The desk's mailbox ({@link #DESK}) is read over IMAP by
 * the contexts that switch {@code servicedelivery.mailbox.enabled} on; {@link #stopImap()} takes only IMAP down, so
 * that the mail waiting in the mailbox survives the outage.
 */
public final class TestMailServer {

  private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
  private static final int IMAP_PORT = TestSocketUtils.findAvailableTcpPort();

  /** the service desk's address and mailbox (servicedelivery.mailbox.address, user name and password) */
  public static final String DESK = "service-desk@servicedelivery.example";

  private static GreenMail server;
  private static ImapServer imap;

  private TestMailServer() {}

  /** A mail as it arrived in the mailbox of {@code recipient}. */
  public record ReceivedMail(String recipient, String from, String subject, String body, String messageId) {}

  public static synchronized void start() {
    if (server == null) {
      server =
          new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
              .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      server.start();
      server.setUser(DESK, DESK, DESK);
    }
    startImap();
  }

  /** IMAP up again (after {@link #stopImap()}), on the same port, with the mail that waited in the mailboxes. */
  public static synchronized void startImap() {
    if (imap == null) {
      imap = new ImapServer(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP), server.getManagers());
      imap.startService();
      try {
        if (!imap.waitTillRunning(5000)) {
          throw new IllegalStateException("The test IMAP server did not start");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Takes IMAP down: reading the desk's mailbox fails until {@link #startImap()}; the mail stays. */
  public static synchronized void stopImap() {
    if (imap != null) {
      imap.stopService();
      imap = null;
    }
  }

  /**
   * Sends a mail over SMTP, as a customer's mail program would: it lands in the mailboxes of its recipients. Build it
   * with {@link #session()}.
   */
  public static void send(MimeMessage message) {
    try {
      Transport.send(message, message.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not send the test mail", e);
    }
  }

  /** A session to build test mails with, addressed at this server's SMTP port. */
  public static Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(SMTP_PORT));
    return Session.getInstance(properties);
  }

  /** Marks every mail of the desk's mailbox unseen again, as if the step that marks them after storing never ran. */
  public static synchronized void markDeskMailUnseen() {
    try {
      MailFolder inbox =
          server.getManagers().getImapHostManager().getInbox(server.getManagers().getUserManager().getUser(DESK));
      for (StoredMessage stored : inbox.getMessages()) {
        stored.setFlag(Flags.Flag.SEEN, false);
      }
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether every mail of the desk's mailbox is marked seen. */
  public static synchronized boolean deskMailSeen() {
    try {
      MailFolder inbox =
          server.getManagers().getImapHostManager().getInbox(server.getManagers().getUserManager().getUser(DESK));
      return inbox.getMessages().stream().allMatch(stored -> stored.isSet(Flags.Flag.SEEN));
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Takes the server down: connections to its port are refused until {@link #start()}. Received mail is lost. */
  public static synchronized void stop() {
    stopImap();
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Every mail received since the current test started, one per recipient's mailbox (the desk's left out). */
  public static synchronized List<ReceivedMail> received() {
    List<ReceivedMail> mails = new ArrayList<>();
    if (server == null) {
      return mails;
    }
    try {
      for (GreenMailUser user : server.getManagers().getUserManager().listUser()) {
        if (user.getEmail().equals(DESK)) {
          continue;
        }
        for (StoredMessage stored : server.getManagers().getImapHostManager().getInbox(user).getMessages()) {
          MimeMessage message = stored.getMimeMessage();
          mails.add(
              new ReceivedMail(
                  user.getEmail(),
                  message.getFrom()[0].toString(),
                  message.getSubject(),
                  message.getContent().toString().replace("\r\n", "\n"),
                  message.getMessageID()));
        }
      }
    } catch (FolderException | MessagingException | IOException e) {
      throw new IllegalStateException("Could not read the received mail", e);
    }
    return mails;
  }

  static synchronized void purge() {
    start();
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Points every Spring test context at the test mail server and starts it. */
  public static final class Factory implements ContextCustomizerFactory {
    @Override
    public ContextCustomizer createContextCustomizer(
        Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
      return new Customizer();
    }
  }

  /** Equal to every other instance, so that it does not split the context cache. */
  record Customizer() implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      start();
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "testMailServer",
                  Map.of(
                      "spring.mail.host", "127.0.0.1",
                      "spring.mail.port", SMTP_PORT,
                      "servicedelivery.mail.demo-server.enabled", false,
                      "servicedelivery.mailbox.protocol", "imap",
                      "servicedelivery.mailbox.host", "127.0.0.1",
                      "servicedelivery.mailbox.port", IMAP_PORT,
                      "servicedelivery.mailbox.username", DESK,
                      "servicedelivery.mailbox.password", DESK,
                      "servicedelivery.mailbox.address", DESK)));
    }
  }

  /** Empties the mailboxes before each test method, and brings the server back if a test left it down. */
  public static final class Purge implements TestExecutionListener {
    @Override
    public void beforeTestMethod(TestContext testContext) {
      purge();
    }
  }
}
