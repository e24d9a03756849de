package io.servicedelivery.mailbox.process;

import io.servicedelivery.mailbox.MailboxProcesses.Reading;
import io.servicedelivery.mailbox.MailboxProperties;
import io.servicedelivery.mailbox.MailboxReader;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads new mail as soon as the server announces it, where the server has IMAP IDLE: a thread of its own keeps an
 * IDLE connection to the mailbox's folder, and a new mail makes the poll timer of mailbox-reading due now. The job
 * executor then runs the poll as any other (locked, retried, on one node), so the mail is still fetched and stored
 * by the job, never by this thread. Without IDLE, or while the connection is down, the poll timer reads the mailbox
 * as before; the thread tries again after a poll interval, and unseen mail it finds when it connects is read at once.
 */
@Component
class MailboxIdleWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailboxIdleWatch.class);

  private final MailboxProperties properties;
  private final MailboxReader reader;
  private final ManagementService managementService;
  private final Clock clock;
  private volatile boolean running;
  private volatile Folder watched;
  private Thread thread;

  MailboxIdleWatch(
      MailboxProperties properties, MailboxReader reader, ManagementService managementService, Clock clock) {
    this.properties = properties;
    this.reader = reader;
    this.managementService = managementService;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || !properties.idle()) {
      return;
    }
    running = true;
    thread = new Thread(this::watch, "mailbox-idle");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    closeWatched();
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(properties.timeout().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void watch() {
    while (running) {
      try {
        Folder folder = reader.watch();
        watched = folder;
        if (!(folder instanceof IMAPFolder imap) || !((IMAPStore) folder.getStore()).hasCapability("IDLE")) {
          log.info("The mailbox server has no IMAP IDLE: the mailbox is read every {}", properties.pollInterval());
          closeWatched();
          return;
        }
        imap.addMessageCountListener(
            new MessageCountAdapter() {
              @Override
              public void messagesAdded(MessageCountEvent event) {
                readNow();
              }
            });
        log.info("Watching the mailbox {} for new mail (IMAP IDLE)", properties.address());
        // what arrived while nobody watched
        if (folder.getUnreadMessageCount() > 0) {
          readNow();
        }
        while (running && folder.isOpen()) {
          imap.idle();
        }
      } catch (MessagingException | RuntimeException e) {
        if (running) {
          log.info("Mailbox watch (IMAP IDLE) interrupted, again in {}: {}", properties.pollInterval(), e.getMessage());
        }
      } finally {
        closeWatched();
      }
      pause();
    }
  }

  /** Makes the poll timer due now, unless it is due already or a poll is under way. */
  void readNow() {
    try {
      Job poll =
          managementService.createJobQuery().processDefinitionKey(Reading.KEY).timers().active().singleResult();
      Date now = Date.from(clock.instant());
      if (poll != null && poll.getDuedate() != null && poll.getDuedate().after(now)) {
        managementService.setJobDuedate(poll.getId(), now);
        log.debug("New mail announced: the mailbox is read now");
      }
    } catch (RuntimeException e) {
      // the poll is running or was changed meanwhile: it reads the new mail, or the next one does
      log.debug("New mail announced, the poll timer left as it is: {}", e.getMessage());
    }
  }

  private void pause() {
    if (!running) {
      return;
    }
    try {
      Thread.sleep(properties.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void closeWatched() {
    Folder folder = watched;
    watched = null;
    if (folder != null) {
      try {
        folder.getStore().close();
      } catch (MessagingException | RuntimeException ignored) {
        // closing a connection that is gone already
      }
    }
  }
}
