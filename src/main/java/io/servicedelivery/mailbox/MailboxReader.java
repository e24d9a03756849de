package io.servicedelivery.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * The service-desk mailbox over IMAP, with Jakarta Mail: reads the unseen mails of the folder without marking them
 * (BODY.PEEK), and marks them seen in a second step, once they are stored. Nothing else is changed on the server
 * (closing the store closes the folder without expunging). A server that is down or refuses the login
 * throws {@link MessagingException}: the job that reads fails and is retried.
 */
@Component
public class MailboxReader {

  /** An unseen mail of the folder: its IMAP UID (to mark it seen later) and its raw RFC 822 source. */
  public record UnseenMail(long uid, byte[] raw) {}

  private final MailboxProperties properties;
  private final Session session;

  MailboxReader(MailboxProperties properties) {
    this.properties = properties;
    Properties mail = new Properties();
    String protocol = properties.protocol();
    String timeout = Long.toString(properties.timeout().toMillis());
    mail.put("mail.store.protocol", protocol);
    // a server that hangs fails the job instead of holding a job executor thread
    mail.put("mail." + protocol + ".connectiontimeout", timeout);
    mail.put("mail." + protocol + ".timeout", timeout);
    mail.put("mail." + protocol + ".writetimeout", timeout);
    // reading a mail must not mark it seen: that happens once it is stored
    mail.put("mail." + protocol + ".peek", "true");
    this.session = Session.getInstance(mail);
  }

  /** Every unseen mail of the folder, oldest first. */
  public List<UnseenMail> unseen() throws MessagingException, IOException {
    try (Store store = connect()) {
      Folder folder = open(store, Folder.READ_ONLY);
      Message[] messages = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
      List<UnseenMail> mails = new ArrayList<>();
      for (Message message : messages) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        mails.add(new UnseenMail(((UIDFolder) folder).getUID(message), raw.toByteArray()));
      }
      folder.close(false);
      return mails;
    }
  }

  /** Marks the mails seen, so that the next reading skips them. */
  public void markSeen(Collection<Long> uids) throws MessagingException {
    if (uids.isEmpty()) {
      return;
    }
    try (Store store = connect()) {
      Folder folder = open(store, Folder.READ_WRITE);
      Message[] messages =
          ((UIDFolder) folder).getMessagesByUID(uids.stream().mapToLong(Long::longValue).toArray());
      List<Message> found = new ArrayList<>();
      for (Message message : messages) {
        if (message != null) {
          found.add(message);
        }
      }
      folder.setFlags(found.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
      // without expunging: what somebody else marked deleted stays as it is
      folder.close(false);
    }
  }

  Session session() {
    return session;
  }

  /** A connection of its own to the mailbox's folder, opened read-only, for watching it (IMAP IDLE). */
  public Folder watch() throws MessagingException {
    return open(connect(), Folder.READ_ONLY);
  }

  private Store connect() throws MessagingException {
    Store store = session.getStore(properties.protocol());
    store.connect(properties.host(), properties.port(), properties.username(), properties.password());
    return store;
  }

  private Folder open(Store store, int mode) throws MessagingException {
    Folder folder = store.getFolder(properties.folder());
    folder.open(mode);
    return folder;
  }
}
