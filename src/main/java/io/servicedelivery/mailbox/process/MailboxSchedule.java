package io.servicedelivery.mailbox.process;

import io.servicedelivery.mailbox.MailboxProperties;
import org.springframework.stereotype.Component;

/**
 * The cycle of the timer start event "Poll due" of mailbox-reading: every {@code servicedelivery.mailbox.poll-interval}
 * (the engine evaluates it when the diagram is deployed, and again each time the timer is due:
 * reevaluateTimeCycleWhenDue).
 */
@Component("mailboxSchedule")
public class MailboxSchedule {

  private final MailboxProperties properties;

  MailboxSchedule(MailboxProperties properties) {
    this.properties = properties;
  }

  /** an ISO 8601 repetition without end: R/PT1M */
  public String getCycle() {
    return "R/" + properties.pollInterval();
  }
}
