package io.servicedelivery.notification;

/**
 * The names that the diagram {@code bpmn/notification.bpmn} (process {@code notification}: sending one queued mail
 * in a job of its own), its forms and the Java code share: messages, errors, element ids, variables and the values
 * forms submit. Nothing else in the code base spells them.
 */
public final class NotificationProcess {

  /** the process id (key) of {@code bpmn/notification.bpmn} */
  public static final String KEY = "notification";

  private NotificationProcess() {}

  public static final class Messages {
    public static final String NOTIFICATION_QUEUED = "NotificationQueued";

    private Messages() {}
  }

  /** Ids of the BPMN elements that code and tests refer to. */
  public static final class Elements {
    public static final String NOTIFICATION_QUEUED = "StartEvent_NotificationQueued";
    public static final String SEND_MAIL = "Task_SendMail";
    public static final String MAIL_SENT = "EndEvent_MailSent";

    private Elements() {}
  }

  public static final class Variables {
    /** the request the mail is about (the instance's business key stays with the request's own instance) */
    public static final String REQUEST_ID = "requestId";
    // the queued mail it sends (table notification_mail)
    public static final String NOTIFICATION_MAIL_ID = "notificationMailId";

    private Variables() {}
  }
}
