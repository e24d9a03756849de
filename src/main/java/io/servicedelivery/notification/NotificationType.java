package io.servicedelivery.notification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notifications the service organisation sends, with their subject and text. Placeholders such as
 * {@code {requestId}} are filled from the request.
 */
public enum NotificationType {
  REQUEST_ACKNOWLEDGED(
      "We received your service request {requestId}",
      """
      Hello {requesterName},

      thank you for your request "{title}" for {serviceName} (priority {priority}). Its number is {requestId}.
      We will plan it by {responseDueAt} and deliver it by {resolutionDueAt}.
      """),
  REQUEST_REJECTED(
      "Your service request {requestId} could not be accepted",
      """
      Hello {requesterName},

      we could not accept your service request "{title}" ({requestId}) for the following reasons:

      {rejectionReasons}

      Please correct the request and submit it again.
      """),
  REQUEST_COMPLETED(
      "Your service request {requestId} is completed",
      """
      Hello {requesterName},

      your service request "{title}" ({requestId}) for {serviceName} has been delivered and passed our quality check.
      The request is now closed. If anything is not as expected, reply to this message within 5 working days
      quoting {requestId} and we will reopen it.
      """),
  REQUEST_CANCELLED(
      "Your service request {requestId} is cancelled",
      """
      Hello {requesterName},

      your service request "{title}" ({requestId}) has been cancelled as you asked.
      Reason given: {cancellationReason}
      """),
  SLA_WARNING(
      "SLA warning: {requestId} is due {resolutionDueAt}",
      """
      Service request {requestId} "{title}" ({serviceName}, priority {priority}) has used {slaConsumedPercent} % of its
      resolution time. It must be completed and verified by {resolutionDueAt}.
      Assigned to: {allocatedResource}
      """);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final String subject;
  private final String body;

  NotificationType(String subject, String body) {
    this.subject = subject;
    this.body = body;
  }

  String subject(Map<String, ?> model) {
    return fill(subject, model);
  }

  String body(Map<String, ?> model) {
    return fill(body, model);
  }

  private static String fill(String template, Map<String, ?> model) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(text, Matcher.quoteReplacement(format(model.get(matcher.group(1)))));
    }
    matcher.appendTail(text);
    return text.toString();
  }

  private static String format(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Date date) {
      return DATE_TIME.format(date.toInstant());
    }
    return value.toString();
  }
}
