package io.servicedelivery.mailbox.process;

import static io.servicedelivery.mailbox.MailboxProcesses.Reading.Variables.EARLIER_READING_UNFINISHED;

import io.servicedelivery.mailbox.MailboxProcesses.Reading;
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

  @Override
  public void execute(DelegateExecution execution) {
    boolean unfinished =
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(Reading.KEY)
            .list()
            .stream()
            .anyMatch(instance -> !instance.getId().equals(execution.getProcessInstanceId()));
    execution.setVariable(EARLIER_READING_UNFINISHED, unfinished);
  }
}
