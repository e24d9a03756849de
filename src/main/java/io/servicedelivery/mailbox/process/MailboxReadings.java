package io.servicedelivery.mailbox.process;

import io.servicedelivery.mailbox.MailboxProcesses.Reading;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The running instances of mailbox-reading. */
@Component
class MailboxReadings {

  private final RuntimeService runtimeService;

  MailboxReadings(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Whether an instance other than the given one still reads (its fetch is retried, or waits in an incident). */
  boolean earlierReadingUnfinished(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Reading.KEY).list().stream()
        .anyMatch(instance -> !instance.getId().equals(processInstanceId));
  }
}
