package io.servicedelivery.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.samskivert.mustache.Mustache;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The template of every notification: what the reader sees, with dates readable and gaps visible. */
class MailTemplatesTest {

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final MailTemplates templates = new MailTemplates();

  /** A request as the process variables have it when its notifications go out. */
  private static Map<String, Object> request() {
    Map<String, Object> model = new HashMap<>();
    model.put("requestId", "SR-000007");
    model.put("title", "Printer jams");
    model.put("serviceName", "On-site repair");
    model.put("requestTypeName", "Printer repair");
    model.put("priority", "HIGH");
    model.put("priorityLabel", "High");
    model.put("requesterName", "Ada Customer");
    model.put("responseDueAt", Date.from(Instant.parse("2026-11-23T09:00:00Z")));
    model.put("resolutionDueAt", Date.from(Instant.parse("2026-11-23T16:00:00Z")));
    model.put("rejectionReasons", "The title is missing.\nThe service catalog has no service 'TELEPORTATION'.");
    model.put("customerQuestion", "Which floor is the printer on, and when may the technician come?");
    model.put("customerAnswerDueAt", Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    model.put("cancellationReason", "Bought a new printer");
    model.put("slaConsumedPercent", 75);
    model.put("slaRemaining", Duration.ofMinutes(125));
    model.put("allocatedResource", "staff1");
    model.put("allocatedResourceName", "Sam Field");
    model.put("comment", "The printer is on the 3rd floor, room 3.12.");
    model.put("commentAuthor", "Ada Customer");
    model.put("confirmationDueAt", Date.from(Instant.parse("2026-11-30T16:00:00Z")));
    model.put("confirmLink", "https://desk.example/customer-links/confirm-token");
    model.put("objectLink", "https://desk.example/customer-links/object-token");
    List<Map<String, Object>> ratings = new ArrayList<>();
    for (int rating = 1; rating <= 5; rating++) {
      ratings.add(Map.of("rating", rating, "link", "https://desk.example/customer-links/rate-" + rating));
    }
    model.put("ratingLinks", ratings);
    return model;
  }

  @ParameterizedTest
  @EnumSource(NotificationType.class)
  void everyTemplateUsesOnlyNamesTheRequestHas(NotificationType type) {
    // strict: a misspelt or unknown name fails instead of showing "-"
    MailTemplates strict = new MailTemplates(Mustache.compiler().escapeHTML(false));

    assertThatCode(() -> strict.render(type, request(), UTC)).doesNotThrowAnyException();
    assertThat(templates.render(type, request(), UTC).subject()).contains("SR-000007");
  }

  @ParameterizedTest
  @EnumSource(NotificationType.class)
  void everyTemplateShowsLabelsAndNamesNeverCodesOrIds(NotificationType type) {
    MailText mail = templates.render(type, request(), UTC);

    assertThat(mail.subject() + "\n" + mail.body()).doesNotContain("HIGH", "staff1", "service-coordinators");
  }

  @Test
  void datesReadInTheZoneTheMailIsRenderedFor() {
    MailText newYork =
        templates.render(NotificationType.REQUEST_ACKNOWLEDGED, request(), ZoneId.of("America/New_York"));
    MailText berlin = templates.render(NotificationType.REQUEST_ACKNOWLEDGED, request(), ZoneId.of("Europe/Berlin"));

    assertThat(newYork.body())
        .contains("Planned by:      Mon 23 Nov 2026, 04:00 EST")
        .contains("Delivered by:    Mon 23 Nov 2026, 11:00 EST");
    assertThat(berlin.body())
        .contains("Planned by:      Mon 23 Nov 2026, 10:00 CET")
        .contains("Delivered by:    Mon 23 Nov 2026, 17:00 CET");
    // the zone is the mail's own: rendering in another zone changed nothing in UTC
    assertThat(templates.render(NotificationType.REQUEST_ACKNOWLEDGED, request(), UTC).body())
        .contains("Planned by:      Mon 23 Nov 2026, 09:00 UTC");
  }

  @Test
  void acknowledgementGivesServicePriorityAndBothDueTimes() {
    MailText mail = templates.render(NotificationType.REQUEST_ACKNOWLEDGED, request(), UTC);

    assertThat(mail.subject()).isEqualTo("We received your service request SR-000007");
    assertThat(mail.body())
        .startsWith("Hello Ada Customer,\n")
        .contains("\"Printer jams\" for On-site repair")
        .contains("Request number:  SR-000007")
        .contains("Service:         On-site repair (Printer repair)")
        .contains("Priority:        High")
        .contains("Planned by:      Mon 23 Nov 2026, 09:00 UTC")
        .contains("Delivered by:    Mon 23 Nov 2026, 16:00 UTC");
  }

  @Test
  void abandonmentRepeatsTheQuestionAndTheDeadline() {
    MailText mail = templates.render(NotificationType.REQUEST_ABANDONED, request(), UTC);

    assertThat(mail.subject()).isEqualTo("Your service request SR-000007 is closed: we did not hear from you");
    assertThat(mail.body())
        .contains("Which floor is the printer on, and when may the technician come?")
        .contains("by Mon 30 Nov 2026, 09:00 UTC");
  }

  @Test
  void overduePlanningTellsTheManagersWhatWasDueWhen() {
    MailText mail = templates.render(NotificationType.RESPONSE_OVERDUE, request(), UTC);

    assertThat(mail.subject())
        .isEqualTo("Planning overdue: SR-000007 was due to be planned by Mon 23 Nov 2026, 09:00 UTC");
    assertThat(mail.body()).contains("\"Printer jams\" (On-site repair, priority High)").contains("Plan delivery");
  }

  @Test
  void rejectionListsEveryReason() {
    MailText mail = templates.render(NotificationType.REQUEST_REJECTED, request(), UTC);

    assertThat(mail.subject()).isEqualTo("Your service request SR-000007 could not be accepted");
    assertThat(mail.body())
        .contains("\"Printer jams\" (SR-000007)")
        .contains("\n\nThe title is missing.\nThe service catalog has no service 'TELEPORTATION'.\n\n")
        .contains("Please correct the request and submit it again.");
  }

  @Test
  void waitingForCustomerAsksTheStaffMembersQuestion() {
    MailText mail = templates.render(NotificationType.WAITING_FOR_CUSTOMER, request(), UTC);

    assertThat(mail.subject()).isEqualTo("A question about your service request SR-000007");
    assertThat(mail.body())
        .contains("\n\nWhich floor is the printer on, and when may the technician come?\n\n")
        .contains("Please answer in the customer portal, or reply to this e-mail and keep SR-000007")
        .contains("We continue as soon as we have your answer.");
  }

  @Test
  void completionTellsHowToConfirmOrObjectQuotingTheRequestId() {
    MailText mail = templates.render(NotificationType.REQUEST_COMPLETED, request(), UTC);

    assertThat(mail.subject()).isEqualTo("Your service request SR-000007 is completed");
    assertThat(mail.body())
        .contains("\"Printer jams\" (SR-000007) for On-site repair has been delivered")
        .contains("- Confirm the delivery: https://desk.example/customer-links/confirm-token\n")
        .contains("Tell us what is wrong: https://desk.example/customer-links/object-token\n")
        .contains("or reply to this e-mail, keep SR-000007 in the subject and write what is wrong.")
        .contains("A reply whose first line is just \"confirm\" confirms the delivery.")
        .contains("If we hear nothing from you by Mon 30 Nov 2026, 16:00 UTC, we close the request as delivered.");
  }

  @Test
  void theClosingMailRatesWithOneClick() {
    MailText mail = templates.render(NotificationType.REQUEST_CLOSED, request(), UTC);

    assertThat(mail.subject()).isEqualTo("Your service request SR-000007 is closed");
    assertThat(mail.body())
        .contains("\n- 1: https://desk.example/customer-links/rate-1\n")
        .contains("\n- 5: https://desk.example/customer-links/rate-5\n");
  }

  @Test
  void theReminderAsksTheQuestionAgain() {
    MailText mail = templates.render(NotificationType.CUSTOMER_REMINDER, request(), UTC);

    assertThat(mail.subject()).isEqualTo("Reminder: a question about your service request SR-000007");
    assertThat(mail.body())
        .contains("\n\nWhich floor is the printer on, and when may the technician come?\n\n")
        .contains("reply to this e-mail and keep SR-000007 in the subject");
  }

  @Test
  void cancellationGivesTheReason() {
    MailText mail = templates.render(NotificationType.REQUEST_CANCELLED, request(), UTC);

    assertThat(mail.subject()).isEqualTo("Your service request SR-000007 is cancelled");
    assertThat(mail.body()).contains("Reason given: Bought a new printer");
  }

  @Test
  void slaWarningGivesTheDueTimeAndTheTimeLeft() {
    MailText mail = templates.render(NotificationType.SLA_WARNING, request(), UTC);

    assertThat(mail.subject()).isEqualTo("SLA warning: SR-000007 is due Mon 23 Nov 2026, 16:00 UTC");
    assertThat(mail.body())
        .contains("\"Printer jams\" (On-site repair, priority High) has used 75 % of\nits resolution time.")
        .contains("by Mon 23 Nov 2026, 16:00 UTC, 2 h 05 min from now.")
        .contains("Assigned to: Sam Field");
  }

  @Test
  void valuesTheRequestDoesNotHaveShowAsADash() {
    Map<String, Object> model = request();
    model.remove("allocatedResourceName");
    model.put("cancellationReason", null);

    assertThat(templates.render(NotificationType.SLA_WARNING, model, UTC).body()).contains("Assigned to: -");
    assertThat(templates.render(NotificationType.REQUEST_CANCELLED, model, UTC).body()).contains("Reason given: -");
  }

  @Test
  void textIsTakenLiterallyNeverHtmlEscapedAndTheSubjectStaysOneLine() {
    Map<String, Object> model = request();
    model.put("rejectionReasons", "Costs $5 \\ unit, <b>not</b> \"free\" & {{requestId}}");
    model.put("requestId", "SR-1\nBcc: someone@else.example");

    MailText mail = templates.render(NotificationType.REQUEST_REJECTED, model, UTC);

    assertThat(mail.body()).contains("Costs $5 \\ unit, <b>not</b> \"free\" & {{requestId}}");
    assertThat(mail.subject()).isEqualTo("Your service request SR-1 Bcc: someone@else.example could not be accepted");
  }
}
