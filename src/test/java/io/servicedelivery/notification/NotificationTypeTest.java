package io.servicedelivery.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTypeTest {

  @Test
  void placeholdersAreFilledDatesReadableAndGapsVisible() {
    Map<String, Object> model =
        Map.of(
            "requestId", "SR-000007",
            "title", "Printer jams",
            "serviceName", "On-site repair",
            "priority", "HIGH",
            "slaConsumedPercent", 75,
            "resolutionDueAt", Date.from(Instant.parse("2026-11-23T16:00:00Z")));

    assertThat(NotificationType.SLA_WARNING.subject(model))
        .isEqualTo("SLA warning: SR-000007 is due 2026-11-23 16:00 UTC");
    assertThat(NotificationType.SLA_WARNING.body(model))
        .contains("\"Printer jams\" (On-site repair, priority HIGH) has used 75 %")
        .contains("Assigned to: -");
  }

  @Test
  void replacementTextIsTakenLiterally() {
    assertThat(NotificationType.REQUEST_REJECTED.body(Map.of("rejectionReasons", "Costs $5 \\ unit")))
        .contains("Costs $5 \\ unit");
  }
}
