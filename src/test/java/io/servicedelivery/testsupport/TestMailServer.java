package io.servicedelivery.testsupport;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
 * The mail server of the tests: one GreenMail (SMTP) for the whole test JVM, on a free port chosen once, so that
 * parallel builds on one machine do not clash. Registered in {@code META-INF/spring.factories}, so nothing needs to
 * be declared: every Spring test context sends its mail here ({@link Customizer}, which also keeps the demo
 * profile's own mail server off), and the mailboxes are emptied before every test method ({@link Purge}). Tests read
 * what arrived with {@link #received()} and take the server down for an outage with {@link #stop()}; it comes back
 * with {@link #start()}, or by itself before the next test.
 */
public final class TestMailServer {

  private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

  private static GreenMail server;

  private TestMailServer() {}

  /** A mail as it arrived in the mailbox of {@code recipient}. */
  public record ReceivedMail(String recipient, String from, String subject, String body, String messageId) {}

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  /** Takes the server down: connections to its port are refused until {@link #start()}. Received mail is lost. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Every mail received since the current test started, one per recipient's mailbox. */
  public static synchronized List<ReceivedMail> received() {
    List<ReceivedMail> mails = new ArrayList<>();
    if (server == null) {
      return mails;
    }
    try {
      for (GreenMailUser user : server.getManagers().getUserManager().listUser()) {
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
                      "servicedelivery.mail.demo-server.enabled", false)));
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
