package io.servicedelivery.mailbox;

import io.servicedelivery.conversation.AttachmentRejectedException;
import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.conversation.RequestAttachments;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.conversation.Visibility;
import io.servicedelivery.intake.CatalogViolationException;
import io.servicedelivery.intake.EmailIntake;
import io.servicedelivery.intake.IdempotencyKeyReusedException;
import io.servicedelivery.intake.InvalidRequestException;
import io.servicedelivery.intake.RequestConversations;
import io.servicedelivery.intake.RequestIntake;
import io.servicedelivery.intake.Requester;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.records.CustomerEvent;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.records.Viewer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Handles one stored inbound mail, once (the step "Handle mail" of the process inbound-mail, a job of its own):
 *
 * <ol>
 *   <li>bounces and auto-replies ({@link AutomaticMail}) and the desk's own mail are ignored;
 *   <li>a reply is matched to its request by one of our Message-IDs in In-Reply-To/References, else by the request
 *       number in the subject, and is accepted only from the request's requester or a requester of the same
 *       customer. Its text without the quoted mail ({@link MailContent#withoutQuote}) becomes the answer the
 *       request waits for, the confirmation or objection of a completed request, or else a customer comment;
 *   <li>any other mail from a known customer becomes a new request through intake ({@link EmailIntake}), once per
 *       Message-ID; a mail from anybody else is ignored.
 * </ol>
 *
 * A failure (the database, the engine) fails the job: the engine retries it, then raises an incident on this mail's
 * instance, and the other mails go on.
 */
@Service
public class InboundMailHandling {

  private static final Logger log = LoggerFactory.getLogger(InboundMailHandling.class);
  private static final Pattern REQUEST_NUMBER = Pattern.compile("\\b(SR-\\d{6,})\\b");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_REFERENCE = 100;

  private final InboundMails mails;
  private final MailboxProperties properties;
  private final Notifications notifications;
  private final ServiceDeliveryRecords records;
  private final KnownRequesters knownRequesters;
  private final RequestIntake intake;
  private final EmailIntake emailIntake;
  private final RequestConversations conversations;
  private final RequestNotes notes;
  private final RequestAttachments attachments;
  private final Session session = Session.getInstance(new java.util.Properties());

  InboundMailHandling(
      InboundMails mails,
      MailboxProperties properties,
      Notifications notifications,
      ServiceDeliveryRecords records,
      KnownRequesters knownRequesters,
      RequestIntake intake,
      EmailIntake emailIntake,
      RequestConversations conversations,
      RequestNotes notes,
      RequestAttachments attachments) {
    this.mails = mails;
    this.properties = properties;
    this.notifications = notifications;
    this.records = records;
    this.knownRequesters = knownRequesters;
    this.intake = intake;
    this.emailIntake = emailIntake;
    this.conversations = conversations;
    this.notes = notes;
    this.attachments = attachments;
  }

  /** Handles the stored mail and records what it did; a mail handled before is left as it is. */
  public MailOutcome handle(long mailId) {
    InboundMail stored = mails.find(mailId).orElseThrow(() -> new IllegalStateException("No inbound mail " + mailId));
    if (stored.status() != InboundMailStatus.RECEIVED) {
      return stored.outcome();
    }
    try {
      MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(mails.raw(mailId)));
      MailOutcome outcome = handle(stored, mail);
      log.info("Inbound mail {} ({}): {}", mailId, stored.messageId(), outcome);
      return outcome;
    } catch (MessagingException | IOException unreadable) {
      throw new IllegalStateException("Inbound mail " + mailId + " cannot be read: " + unreadable.getMessage(), unreadable);
    }
  }

  private MailOutcome handle(InboundMail stored, MimeMessage mail) throws MessagingException, IOException {
    long mailId = stored.id();
    Optional<String> bounce = AutomaticMail.bounce(mail);
    if (bounce.isPresent()) {
      return ignore(mailId, IgnoreReason.BOUNCE, bounce.get(), null);
    }
    Optional<String> autoReply = AutomaticMail.autoReply(mail);
    if (autoReply.isPresent()) {
      return ignore(mailId, IgnoreReason.AUTO_REPLY, autoReply.get(), null);
    }
    Optional<InternetAddress> sender = sender(mail);
    if (sender.isEmpty()) {
      return ignore(mailId, IgnoreReason.UNKNOWN_SENDER, "no sender address", null);
    }
    String from = sender.get().getAddress().toLowerCase(Locale.ROOT);
    if (from.equals(properties.address())) {
      return ignore(mailId, IgnoreReason.OWN_MAIL, "sent by the desk's own address " + from, null);
    }
    Optional<ServiceDeliveryRecord> request = matchedRequest(mail);
    if (request.isPresent()) {
      return reply(mailId, mail, from, request.get());
    }
    return newRequest(stored, mail, sender.get(), from);
  }

  private MailOutcome reply(long mailId, MimeMessage mail, String from, ServiceDeliveryRecord request)
      throws MessagingException, IOException {
    String requestId = request.requestId();
    if (!isOfRequester(from, request)) {
      return ignore(
          mailId, IgnoreReason.UNKNOWN_SENDER, from + " is not the requester of " + requestId, requestId);
    }
    String text = MailContent.withoutQuote(MailContent.text(mail));
    if (text.isEmpty()) {
      return ignore(mailId, IgnoreReason.EMPTY_REPLY, "no text besides the quoted mail", requestId);
    }
    // The record's customer status changes in the same transactions as the process, so it says what the request
    // waits for. Should it change between this read and the call (a 409, RequestConflictException), the engine has
    // marked this job's transaction for rollback: the job fails, and its retry reads the new status and makes the
    // reply a comment. The mail is never lost.
    MailOutcome outcome = act(request, from, text);
    attach(mailId, mail, from, requestId);
    mails.processed(mailId, outcome, requestId);
    return outcome;
  }

  private MailOutcome act(ServiceDeliveryRecord request, String from, String text) {
    String requestId = request.requestId();
    if (request.outcome() == RequestOutcome.OPEN && request.customerStatus() == CustomerEvent.WAITING_FOR_YOU) {
      intake.respond(Viewer.SYSTEM, requestId, text);
      return MailOutcome.ANSWERED;
    }
    if (request.outcome() == RequestOutcome.OPEN && request.customerStatus() == CustomerEvent.COMPLETED) {
      if (MailContent.isConfirmation(text)) {
        intake.confirm(Viewer.SYSTEM, requestId);
        return MailOutcome.CONFIRMED;
      }
      intake.object(Viewer.SYSTEM, requestId, text);
      return MailOutcome.REOPENED;
    }
    addCustomerComment(requestId, from, text);
    return MailOutcome.COMMENTED;
  }

  /** The one place a mail becomes a customer comment on a request; the assignee and the coordinators are told. */
  void addCustomerComment(String requestId, String from, String body) {
    conversations.commentAsCustomer(requestId, from, body, NoteSource.EMAIL);
  }

  /**
   * The files of the mail, attached to the request for the customer and the staff to read. A file the limits refuse
   * stays in the stored mail, and an internal work note says which one and why.
   */
  private void attach(long mailId, MimeMessage mail, String from, String requestId)
      throws MessagingException, IOException {
    for (MailContent.Attachment file : MailContent.attachments(mail)) {
      try {
        attachments.add(
            requestId, file.fileName(), file.contentType(), file.content(), Visibility.CUSTOMER, NoteSource.EMAIL,
            from);
      } catch (AttachmentRejectedException refused) {
        notes.add(
            requestId, NoteKind.WORK_NOTE, Visibility.INTERNAL, NoteSource.EMAIL, from,
            "The file \"" + file.fileName() + "\" of inbound mail " + mailId + " was not attached: "
                + refused.getMessage() + " It stays in the stored mail (GET /api/mailbox/messages).");
      }
    }
  }

  private MailOutcome newRequest(InboundMail stored, MimeMessage mail, InternetAddress sender, String from)
      throws MessagingException, IOException {
    long mailId = stored.id();
    Optional<KnownRequesters.KnownRequester> known = knownRequesters.find(from);
    if (known.isEmpty() && !properties.isKnownSender(from)) {
      return ignore(mailId, IgnoreReason.UNKNOWN_SENDER, from + " never asked for anything", null);
    }
    String name =
        sender.getPersonal() != null && !sender.getPersonal().isBlank()
            ? sender.getPersonal().strip()
            : known.map(KnownRequesters.KnownRequester::name).orElse(from);
    Requester requester =
        new Requester(
            InboundMails.cut(name, 120),
            from,
            known.map(KnownRequesters.KnownRequester::customerId).orElse(null),
            known.map(KnownRequesters.KnownRequester::timeZone).orElse(null));
    String subject = mail.getSubject() == null || mail.getSubject().isBlank() ? "(no subject)" : mail.getSubject().strip();
    String text = MailContent.text(mail);
    String description = InboundMails.cut(text.isEmpty() ? subject : text, MAX_DESCRIPTION);
    try {
      String requestId =
          emailIntake
              .submit(properties.address(), requester, InboundMails.cut(subject, MAX_TITLE), description, reference(stored.messageId()))
              .request()
              .requestId();
      attach(mailId, mail, from, requestId);
      mails.processed(mailId, MailOutcome.REQUEST_CREATED, requestId);
      return MailOutcome.REQUEST_CREATED;
    } catch (CatalogViolationException | InvalidRequestException | IdempotencyKeyReusedException refused) {
      return ignore(mailId, IgnoreReason.REJECTED, refused.getMessage(), null);
    }
  }

  /** The request's external reference: the stored Message-ID, or its hash when longer than the column allows. */
  static String reference(String storedMessageId) {
    return storedMessageId.length() <= MAX_REFERENCE && storedMessageId.matches("[\\p{Graph} ]*")
        ? storedMessageId
        : "sha256:" + InboundMails.sha256(storedMessageId.getBytes(StandardCharsets.UTF_8));
  }

  private boolean isOfRequester(String from, ServiceDeliveryRecord request) {
    if (request.requesterEmail() != null && request.requesterEmail().strip().equalsIgnoreCase(from)) {
      return true;
    }
    return request.customerId() != null
        && knownRequesters.find(from).map(known -> request.customerId().equals(known.customerId())).orElse(false);
  }

  private Optional<ServiceDeliveryRecord> matchedRequest(MimeMessage mail) throws MessagingException {
    Set<String> ids = new LinkedHashSet<>();
    for (String header : List.of("In-Reply-To", "References")) {
      String value = mail.getHeader(header, " ");
      if (value != null) {
        Matcher matcher = MESSAGE_ID.matcher(value);
        while (matcher.find()) {
          ids.add(matcher.group());
        }
      }
    }
    Optional<String> requestId = notifications.requestOfMail(ids);
    if (requestId.isEmpty() && mail.getSubject() != null) {
      Matcher number = REQUEST_NUMBER.matcher(mail.getSubject());
      if (number.find()) {
        requestId = Optional.of(number.group(1));
      }
    }
    return requestId.flatMap(records::find);
  }

  private static Optional<InternetAddress> sender(MimeMessage mail) throws MessagingException {
    List<Address> candidates = new ArrayList<>();
    Address[] replyTo = mail.getHeader("Reply-To") == null ? null : mail.getReplyTo();
    Address[] from = mail.getFrom();
    if (from != null) {
      candidates.addAll(List.of(from));
    } else if (replyTo != null) {
      candidates.addAll(List.of(replyTo));
    }
    return candidates.stream()
        .filter(InternetAddress.class::isInstance)
        .map(InternetAddress.class::cast)
        .filter(address -> Notifications.isMailAddress(address.getAddress()))
        .findFirst();
  }

  private MailOutcome ignore(long mailId, IgnoreReason reason, String detail, String requestId) {
    mails.ignored(mailId, reason, detail, requestId);
    return MailOutcome.IGNORED;
  }
}
