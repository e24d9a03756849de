package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.notification.Notifications;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The response time passed before the request was planned: the operations managers hear of it. */
@Component("escalateLatePlanning")
class EscalateLatePlanningDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final MailDispatch dispatch;
  private final RequestMails mails;

  EscalateLatePlanningDelegate(Notifications notifications, MailDispatch dispatch, RequestMails mails) {
    this.notifications = notifications;
    this.dispatch = dispatch;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = ProcessData.of(execution).string(REQUEST_ID);
    notifications
        .queueForStaff(
            NotificationType.RESPONSE_OVERDUE,
            requestId,
            List.of(),
            List.of(Groups.OPERATIONS_MANAGERS),
            mails.model(execution),
            mails.calendarZone(execution))
        .ifPresent(mail -> dispatch.dispatch(execution, requestId, mail));
  }
}
