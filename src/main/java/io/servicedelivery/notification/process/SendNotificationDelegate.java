package io.servicedelivery.notification.process;

import static io.servicedelivery.notification.NotificationProcess.Variables.NOTIFICATION_MAIL_ID;

import io.servicedelivery.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the queued mail of a notification ("Send mail" in the process "notification", a job of its own). */
@Component("sendNotification")
class SendNotificationDelegate implements JavaDelegate {

  private final Notifications notifications;

  SendNotificationDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(((Number) execution.getVariable(NOTIFICATION_MAIL_ID)).longValue());
  }
}
