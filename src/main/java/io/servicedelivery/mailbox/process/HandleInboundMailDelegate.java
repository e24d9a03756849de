package io.servicedelivery.mailbox.process;

import static io.servicedelivery.mailbox.MailboxProcesses.Handling.Variables.INBOUND_MAIL_ID;
import static io.servicedelivery.mailbox.MailboxProcesses.Handling.Variables.OUTCOME;

import io.servicedelivery.mailbox.InboundMailHandling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Handle mail" of inbound-mail (a job of its own): handles one stored mail and names what it did. */
@Component("handleInboundMail")
class HandleInboundMailDelegate implements JavaDelegate {

  private final InboundMailHandling handling;

  HandleInboundMailDelegate(InboundMailHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long mailId = ((Number) execution.getVariable(INBOUND_MAIL_ID)).longValue();
    execution.setVariable(OUTCOME, handling.handle(mailId).name());
  }
}
