package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.NOTIFICATION_TYPE;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUESTER_EMAIL;
import static io.servicedelivery.delivery.ProcessConstants.Variables.REQUEST_ID;

import io.servicedelivery.identity.Groups;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.notification.Notifications;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the requester what happened to their request; the task's input parameter {@code notificationType} says
 * what. The mail is queued here and sent by the process "notification" ({@link MailDispatch}). When the requester
 * left no e-mail address, or one that no mail can be addressed to, the service
 * coordinators get the notification instead, so that somebody reaches the requester another way.
 */
@Component("notifyRequester")
class NotifyRequesterDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final MailDispatch dispatch;

  NotifyRequesterDelegate(Notifications notifications, MailDispatch dispatch) {
    this.notifications = notifications;
    this.dispatch = dispatch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    NotificationType type = NotificationType.valueOf(data.string(NOTIFICATION_TYPE));
    String requestId = data.string(REQUEST_ID);
    String email = data.string(REQUESTER_EMAIL);
    Optional<Long> mail =
        Notifications.isMailAddress(email)
            ? Optional.of(notifications.queueForRequester(type, requestId, email, execution.getVariables()))
            : notifications.queueForStaff(
                type, requestId, List.of(), List.of(Groups.SERVICE_COORDINATORS), execution.getVariables());
    mail.ifPresent(id -> dispatch.dispatch(execution, requestId, id));
  }
}
