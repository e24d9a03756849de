package io.servicedelivery.intake;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.conversation.Attachment;
import io.servicedelivery.conversation.AttachmentContent;
import io.servicedelivery.conversation.Note;
import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.conversation.RequestAttachments;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.conversation.Visibility;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.identity.StaffDirectory;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.notification.QueuedMails;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.records.TasklistComments;
import io.servicedelivery.records.Viewer;
import io.servicedelivery.web.InvalidParametersException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation about a request as the API and the mailbox take part in it: comments, internal work notes and
 * attachments, each limited to the requests the caller may see ({@link Viewer}). The customer (an API client, or the
 * requester by e-mail) writes comments the staff and they read; the staff write comments the customer reads, or
 * internal work notes. Whoever did not write a comment the other side reads is told by mail: the assigned person and
 * the service coordinators of the customer's, the requester of the staff's. The mail is queued in the transaction
 * that stores the comment and sent by the process "notification", as every mail.
 */
@Service
public class RequestConversations {

  /** the longest comment (the column {@code request_note.body}) */
  public static final int MAX_TEXT = 10000;

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final ServiceDeliveryRecords records;
  private final RequestNotes notes;
  private final RequestAttachments attachments;
  private final Notifications notifications;
  private final QueuedMails mails;
  private final StaffDirectory staff;
  private final ServiceCatalog catalog;
  private final RequestProcess process;
  private final TasklistComments tasklistComments;

  RequestConversations(
      ServiceDeliveryRecords records,
      RequestNotes notes,
      RequestAttachments attachments,
      Notifications notifications,
      QueuedMails mails,
      StaffDirectory staff,
      ServiceCatalog catalog,
      RequestProcess process,
      TasklistComments tasklistComments) {
    this.records = records;
    this.notes = notes;
    this.attachments = attachments;
    this.notifications = notifications;
    this.mails = mails;
    this.staff = staff;
    this.catalog = catalog;
    this.process = process;
    this.tasklistComments = tasklistComments;
  }

  /**
   * Keeps a comment of the customer's (through the API or a reply by e-mail) that the customer and the staff read,
   * and queues a mail to the person assigned to the request and the service coordinators, all in one transaction (the
   * caller's, if there is one). A text longer than {@link #MAX_TEXT} characters is cut there.
   *
   * @param author who wrote it: the API client's user id, or the sender's e-mail address
   * @return the comment as stored
   * @throws RequestNotFoundException when there is no such request
   */
  @Transactional
  public Note commentAsCustomer(String requestId, String author, String body, NoteSource source) {
    ServiceDeliveryRecord record =
        records.find(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
    Note note =
        notes.add(requestId, NoteKind.COMMENT, Visibility.CUSTOMER, source, author, cut(body));
    Optional<String> assignee = assigneeOf(record);
    Map<String, Object> model = model(record, assignee, note.author(), note.body());
    // the template gives no times: the zone does not matter
    notifications
        .queueForStaff(
            NotificationType.CUSTOMER_COMMENTED, requestId, assignee.map(List::of).orElse(List.of()),
            List.of(Groups.SERVICE_COORDINATORS), model, UTC)
        .ifPresent(mail -> mails.send(requestId, mail));
    return note;
  }

  /**
   * A comment through the API: the customer's systems write comments (and are refused {@code internal}); the staff
   * write a comment the customer reads, and the requester gets it by mail, or with {@code internal} a work note.
   *
   * @throws RequestNotFoundException for an unknown request, or one the caller may not see
   * @throws InvalidParametersException naming {@code internal} when the customer's system asks for a work note
   */
  @Transactional
  Note comment(Viewer viewer, String requestId, NewComment comment) {
    ServiceDeliveryRecord record = visible(viewer, requestId);
    boolean internal = Boolean.TRUE.equals(comment.internal());
    if (viewer.isApiClient()) {
      refuseInternal(internal);
      return commentAsCustomer(requestId, viewer.userId(), comment.text(), NoteSource.API);
    }
    if (internal) {
      return notes.add(
          requestId, NoteKind.WORK_NOTE, Visibility.INTERNAL, NoteSource.API, viewer.userId(), comment.text());
    }
    return commentForCustomer(record, viewer.userId(), comment.text(), NoteSource.API);
  }

  /**
   * Keeps a staff member's comment that the customer reads, and queues a mail with it to the requester (at the address
   * the record keeps; none without one), in one transaction (the caller's, if there is one). A text longer than
   * {@link #MAX_TEXT} characters is cut there.
   *
   * @param author the staff member's user id; the mail names them by name
   * @throws RequestNotFoundException when there is no such request
   */
  @Transactional
  public Note commentForCustomer(String requestId, String author, String body, NoteSource source) {
    ServiceDeliveryRecord record =
        records.find(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
    return commentForCustomer(record, author, body, source);
  }

  private Note commentForCustomer(ServiceDeliveryRecord record, String author, String body, NoteSource source) {
    Note note =
        notes.add(record.requestId(), NoteKind.COMMENT, Visibility.CUSTOMER, source, author, cut(body));
    tellRequester(record, note);
    return note;
  }

  /**
   * The customer's systems read what the customer may; the staff read everything: the work log, the work notes and
   * the comments written in Tasklist too.
   */
  @Transactional(readOnly = true)
  List<Note> comments(Viewer viewer, String requestId) {
    ServiceDeliveryRecord record = visible(viewer, requestId);
    return viewer.isApiClient()
        ? notes.forCustomer(requestId)
        : tasklistComments.withNotes(notes.of(requestId), requestId, record.processInstanceId());
  }

  /**
   * @throws io.servicedelivery.conversation.AttachmentRejectedException when the file is too large or of a type that
   *     is not allowed
   */
  @Transactional
  Attachment attach(
      Viewer viewer, String requestId, String fileName, String contentType, byte[] content, boolean internal) {
    visible(viewer, requestId);
    if (viewer.isApiClient()) {
      refuseInternal(internal);
    }
    return attachments.add(
        requestId, fileName, contentType, content, internal ? Visibility.INTERNAL : Visibility.CUSTOMER,
        NoteSource.API, viewer.userId());
  }

  @Transactional(readOnly = true)
  List<Attachment> attachments(Viewer viewer, String requestId) {
    visible(viewer, requestId);
    return viewer.isApiClient() ? attachments.forCustomer(requestId) : attachments.of(requestId);
  }

  /** @throws AttachmentNotFoundException also for an internal file the customer's system asks for */
  @Transactional(readOnly = true)
  AttachmentContent download(Viewer viewer, String requestId, long attachmentId) {
    visible(viewer, requestId);
    return attachments
        .content(requestId, attachmentId)
        .filter(file -> !viewer.isApiClient() || file.attachment().visibility() == Visibility.CUSTOMER)
        .orElseThrow(() -> new AttachmentNotFoundException(requestId, attachmentId));
  }

  /** The record knows the assigned person once the delivery is over; until then, the process does. */
  private Optional<String> assigneeOf(ServiceDeliveryRecord record) {
    if (record.assignedTo() != null || record.processInstanceId() == null) {
      return Optional.ofNullable(record.assignedTo());
    }
    return process.assigneeOf(record.processInstanceId());
  }

  /** "10 MB": the largest file that may be attached */
  String maxAttachmentSize() {
    return attachments.limits().maxSizeText();
  }

  private ServiceDeliveryRecord visible(Viewer viewer, String requestId) {
    return records.find(requestId, viewer).orElseThrow(() -> new RequestNotFoundException(requestId));
  }

  private static void refuseInternal(boolean internal) {
    if (internal) {
      throw new InvalidParametersException(
          "internal", "must be false: the customer's comments and files are read by the customer and the staff");
    }
  }

  /** The staff member's comment to the requester, at the address the record keeps; none without one. */
  private void tellRequester(ServiceDeliveryRecord record, Note note) {
    if (!Notifications.isMailAddress(record.requesterEmail())) {
      return;
    }
    ZoneId zone = Optional.ofNullable(record.requesterTimeZone()).flatMap(RequestConversations::zone).orElse(UTC);
    long mail =
        notifications.queueForRequester(
            NotificationType.COMMENT_FOR_CUSTOMER, record.requestId(), record.requesterEmail(),
            model(record, Optional.empty(), staff.nameOf(note.author()), note.body()), zone);
    mails.send(record.requestId(), mail);
  }

  private Map<String, Object> model(
      ServiceDeliveryRecord record, Optional<String> assignee, String author, String comment) {
    Map<String, Object> model = new HashMap<>();
    model.put("requestId", record.requestId());
    model.put("title", record.title());
    model.put("requesterName", record.requesterName());
    if (record.serviceCode() != null) {
      catalog.find(record.serviceCode()).map(ServiceDefinition::name).ifPresent(name -> model.put("serviceName", name));
    }
    assignee.ifPresent(userId -> model.put("allocatedResourceName", staff.nameOf(userId)));
    model.put("commentAuthor", author);
    model.put("comment", comment);
    return model;
  }

  private static Optional<ZoneId> zone(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String cut(String body) {
    return body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT - 1) + "…" : body;
  }
}
