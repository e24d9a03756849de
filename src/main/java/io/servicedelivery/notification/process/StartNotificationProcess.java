package io.servicedelivery.notification.process;

import static io.servicedelivery.notification.NotificationProcess.Messages.NOTIFICATION_QUEUED;
import static io.servicedelivery.notification.NotificationProcess.Variables.NOTIFICATION_MAIL_ID;
import static io.servicedelivery.notification.NotificationProcess.Variables.REQUEST_ID;

import io.servicedelivery.notification.QueuedMails;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts the process "notification" for a queued mail: one engine command, in the caller's transaction. */
@Component
class StartNotificationProcess implements QueuedMails {

  private final RuntimeService runtimeService;

  StartNotificationProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void send(String requestId, long mailId) {
    runtimeService.startProcessInstanceByMessage(
        NOTIFICATION_QUEUED, Map.of(REQUEST_ID, requestId, NOTIFICATION_MAIL_ID, mailId));
  }
}
