package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.NOTIFICATION_TYPE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the requester what happened to their request; the task's input parameter {@code notificationType} says
 * what. The mail is queued here and sent by the process "notification" ({@link MailDispatch}). When the requester
 * left no e-mail address, or one that no mail can be addressed to, the service
 * coordinators get the notification instead, so that somebody reaches the requester another way. The address is
 * the one on the request's delivery record, never the process variable {@code requesterEmail}, which somebody with
 * access to the task's variables could point elsewhere (issue 12); so is the requester's time zone, in which the mail
 * gives its times ({@link RequestMails}). Coordinators who get the mail instead read the requester's mail as it would
 * have been sent.
 */
@Component("notifyRequester")
class NotifyRequesterDelegate implements JavaDelegate {

  private final Notifications notifications;
  private final MailDispatch dispatch;
  private final ServiceDeliveryRecords records;
  private final RequestMails mails;

  NotifyRequesterDelegate(
      Notifications notifications, MailDispatch dispatch, ServiceDeliveryRecords records, RequestMails mails) {
    this.notifications = notifications;
    this.dispatch = dispatch;
    this.records = records;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    NotificationType type = NotificationType.valueOf(data.string(NOTIFICATION_TYPE));
    String requestId = data.string(REQUEST_ID);
    // the address and the time zone the request arrived with, as the record keeps them; the process variables may
    // have been changed since
    ServiceDeliveryRecord record = records.find(requestId).orElse(null);
    String email = record == null ? null : record.requesterEmail();
    Map<String, Object> model = mails.model(execution);
    mails.addLinks(model, type, execution);
    ZoneId zone = mails.requesterZone(execution, record);
    Optional<Long> mail =
        Notifications.isMailAddress(email)
            ? Optional.of(notifications.queueForRequester(type, requestId, email, model, zone))
            : notifications.queueForStaff(
                type, requestId, List.of(), List.of(Groups.SERVICE_COORDINATORS), model, zone);
    mail.ifPresent(id -> dispatch.dispatch(execution, requestId, id));
  }
}
