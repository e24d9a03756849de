package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_WARNINGS_SENT;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.notification.NotificationType;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.sla.SlaStanding;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Warns the assigned person and the service coordinators that the resolution time is running out. A warning is sent
 * once: when a request reopened after its resolution enters "Deliver service" again, the warnings already sent fire
 * again at once and are counted, not sent ({@code slaWarningsSent} against the warnings whose time has come).
 */
@Component("sendSlaWarning")
class SendSlaWarningDelegate implements JavaDelegate {

  /** The business time left until the resolution is due, as a duration for the mail. */
  static final String SLA_REMAINING = "slaRemaining";

  private final Notifications notifications;
  private final SlaStandingVariables standing;
  private final MailDispatch dispatch;
  private final RequestMails mails;
  private final Clock clock;

  SendSlaWarningDelegate(
      Notifications notifications,
      SlaStandingVariables standing,
      MailDispatch dispatch,
      RequestMails mails,
      Clock clock) {
    this.notifications = notifications;
    this.standing = standing;
    this.dispatch = dispatch;
    this.mails = mails;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.instant();
    long reached =
        SlaVariables.read(execution).warningsAt().stream().filter(warning -> !warning.isAfter(now)).count();
    int sent = ProcessData.of(execution).integer(SLA_WARNINGS_SENT, 0);
    if (sent >= reached && reached > 0) {
      return; // sent before the request was reopened
    }
    execution.setVariable(SLA_WARNINGS_SENT, sent + 1);
    SlaStanding sla = standing.refresh(execution);
    Map<String, Object> model = mails.model(execution);
    model.put(SLA_REMAINING, sla.remaining());
    String assignee = ProcessData.of(execution).string(ALLOCATED_RESOURCE);
    String requestId = ProcessData.of(execution).string(REQUEST_ID);
    notifications
        .queueForStaff(
            NotificationType.SLA_WARNING,
            requestId,
            assignee == null ? Collections.emptyList() : List.of(assignee),
            List.of(Groups.SERVICE_COORDINATORS),
            model,
            mails.calendarZone(execution))
        .ifPresent(mail -> dispatch.dispatch(execution, requestId, mail));
  }
}
