package io.servicedelivery.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the unseen mails of the service-desk mailbox and stores each, in the caller's transaction (the job "Fetch new
 * mails"); only after that transaction committed are the mails marked seen on the server. A crash in between reads
 * them again, and their stored Message-ID makes the second store a no-op; a server that is down fails the job,
 * leaving every mail on the server unseen.
 */
@Service
public class MailboxFetch {

  private static final Logger log = LoggerFactory.getLogger(MailboxFetch.class);

  private final MailboxReader reader;
  private final InboundMails mails;

  MailboxFetch(MailboxReader reader, InboundMails mails) {
    this.reader = reader;
    this.mails = mails;
  }

  /**
   * @return the ids of the mails stored now, oldest first (mails stored before are left out)
   * @throws MailboxUnavailableException when the mailbox cannot be read
   */
  public List<Long> fetchAndStore() {
    List<MailboxReader.UnseenMail> unseen;
    try {
      unseen = reader.unseen();
    } catch (MessagingException | IOException e) {
      throw new MailboxUnavailableException("The service-desk mailbox cannot be read: " + e.getMessage(), e);
    }
    List<Long> stored = new ArrayList<>();
    List<Long> uids = new ArrayList<>();
    for (MailboxReader.UnseenMail mail : unseen) {
      try {
        MimeMessage message = new MimeMessage(reader.session(), new ByteArrayInputStream(mail.raw()));
        Optional<Long> id = mails.store(message, mail.raw());
        id.ifPresent(stored::add);
        uids.add(mail.uid());
      } catch (MessagingException unparsable) {
        throw new MailboxUnavailableException("A mail of the mailbox cannot be parsed: " + unparsable.getMessage(), unparsable);
      }
    }
    markSeenAfterCommit(uids);
    if (!unseen.isEmpty()) {
      log.info("Mailbox: {} unseen mails, {} of them new", unseen.size(), stored.size());
    }
    return stored;
  }

  private void markSeenAfterCommit(List<Long> uids) {
    if (uids.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      markSeen(uids);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            markSeen(uids);
          }
        });
  }

  private void markSeen(List<Long> uids) {
    try {
      reader.markSeen(uids);
    } catch (MessagingException e) {
      // stored already: the next reading finds them unseen and skips them by their Message-ID
      log.warn("Mailbox: {} stored mails could not be marked seen: {}", uids.size(), e.getMessage());
    }
  }
}
