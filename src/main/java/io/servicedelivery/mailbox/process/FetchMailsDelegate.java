package io.servicedelivery.mailbox.process;

import static io.servicedelivery.mailbox.MailboxProcesses.Reading.Variables.MAILS_STORED;

import io.servicedelivery.mailbox.MailboxFetch;
import io.servicedelivery.mailbox.MailboxProcesses.Handling;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fetch new mails" of mailbox-reading (a job of its own): stores the unseen mails of the service-desk mailbox and
 * starts an instance of inbound-mail for each new one, in the same transaction.
 */
@Component("fetchMails")
class FetchMailsDelegate implements JavaDelegate {

  private final MailboxFetch fetch;

  FetchMailsDelegate(MailboxFetch fetch) {
    this.fetch = fetch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Long> stored = fetch.fetchAndStore();
    for (Long mailId : stored) {
      execution.getProcessEngineServices().getRuntimeService()
          .createProcessInstanceByKey(Handling.KEY)
          .businessKey("mail-" + mailId)
          .setVariable(Handling.Variables.INBOUND_MAIL_ID, mailId)
          .execute();
    }
    execution.setVariable(MAILS_STORED, stored.size());
  }
}
