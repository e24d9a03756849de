package io.servicedelivery.mailbox.process;

import static io.servicedelivery.mailbox.MailboxProcesses.Reading.Variables.EARLIER_READING_UNFINISHED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check earlier reading" of mailbox-reading: whether an earlier instance still reads (its fetch failed and is
 * retried, or waits in an incident). Then this one ends at once, so that a mailbox server that is down makes one
 * incident, not one per poll.
 */
@Component("checkEarlierReading")
class CheckEarlierReadingDelegate implements JavaDelegate {

  private final MailboxReadings readings;

  CheckEarlierReadingDelegate(MailboxReadings readings) {
    this.readings = readings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        EARLIER_READING_UNFINISHED, readings.earlierReadingUnfinished(execution.getProcessInstanceId()));
  }
}
