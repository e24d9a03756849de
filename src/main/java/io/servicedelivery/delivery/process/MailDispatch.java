package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.NOTIFICATION_MAIL_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.notification.NotificationProcess.Messages.NOTIFICATION_QUEUED;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Hands a queued mail to the process "notification", which sends it in a job of its own. The send tasks of a
 * request only queue their mail, in the transaction of the step they belong to, so that sending is never a branch of
 * the request running beside the people working on it: a slow or broken mail server, and the job that sends, never
 * touch the request's own executions. The request's id is a variable of the mail's instance, not its business key,
 * which stays the request's own instance: Cockpit finds a request's mails by the variable {@code requestId}.
 */
@Component
class MailDispatch {

  void dispatch(DelegateExecution execution, String requestId, long mailId) {
    execution
        .getProcessEngineServices()
        .getRuntimeService()
        .startProcessInstanceByMessage(
            NOTIFICATION_QUEUED, Map.of(REQUEST_ID, requestId, NOTIFICATION_MAIL_ID, mailId));
  }
}
