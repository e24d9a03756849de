package io.servicedelivery.mailbox;

/**
 * The names that the diagrams {@code bpmn/mailbox-reading.bpmn} (reading the service-desk mailbox on a timer) and
 * {@code bpmn/inbound-mail.bpmn} (handling one stored mail in a job of its own) and the Java code share. Nothing else
 * in the code base spells them.
 */
public final class MailboxProcesses {

  private MailboxProcesses() {}

  /** {@code bpmn/mailbox-reading.bpmn} */
  public static final class Reading {
    public static final String KEY = "mailbox-reading";

    private Reading() {}

    public static final class Elements {
      public static final String POLL_DUE = "StartEvent_PollDue";
      public static final String CHECK_EARLIER_READING = "Task_CheckEarlierReading";
      public static final String EARLIER_READING_UNFINISHED = "Gateway_EarlierReadingUnfinished";
      public static final String READING_SKIPPED = "EndEvent_ReadingSkipped";
      public static final String FETCH_MAILS = "Task_FetchMails";
      public static final String MAILS_STORED = "EndEvent_MailsStored";

      private Elements() {}
    }

    public static final class Variables {
      /** whether an earlier instance has not finished reading (its fetch is retried, or stuck in an incident) */
      public static final String EARLIER_READING_UNFINISHED = "earlierReadingUnfinished";
      /** how many new mails the reading stored */
      public static final String MAILS_STORED = "mailsStored";

      private Variables() {}
    }
  }

  /** {@code bpmn/inbound-mail.bpmn} */
  public static final class Handling {
    public static final String KEY = "inbound-mail";

    private Handling() {}

    public static final class Elements {
      public static final String MAIL_STORED = "StartEvent_MailStored";
      public static final String HANDLE_MAIL = "Task_HandleMail";
      public static final String HANDLED_HOW = "Gateway_HandledHow";
      public static final String REQUEST_CREATED = "EndEvent_RequestCreated";
      public static final String REPLY_PASSED_ON = "EndEvent_ReplyPassedOn";
      public static final String MAIL_IGNORED = "EndEvent_MailIgnored";

      private Elements() {}
    }

    public static final class Variables {
      /** the stored mail (table inbound_mail) */
      public static final String INBOUND_MAIL_ID = "inboundMailId";
      /** what handling did: a {@link io.servicedelivery.mailbox.MailOutcome} name */
      public static final String OUTCOME = "mailOutcome";

      private Variables() {}
    }
  }
}
