package io.servicedelivery.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaTarget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The difference between two versions of a service in the words the reviewer reads. */
class CatalogDiffTest {

  private static final ServiceDefinition LAPTOP =
      new ServiceDefinition(
          "LAPTOP_PROVISIONING",
          1,
          Instant.parse("2000-01-01T00:00:00Z"),
          "Laptop provisioning",
          "A ready-to-use laptop.",
          "hardware",
          new BigDecimal("3.00"),
          ServiceDefinition.DEFAULT_EFFORT_TOLERANCE_PERCENT,
          new BigDecimal("65.00"),
          "EUR",
          List.of(new RequestType("LOAN", "Loan laptop"), new RequestType("NEW_LAPTOP", "New laptop")),
          List.of("Asset tagged", "Disk encryption enabled", "Handover signed"),
          List.of(),
          List.of(
              new SlaTarget(Priority.CRITICAL, 30, 480),
              new SlaTarget(Priority.HIGH, 120, 1440),
              new SlaTarget(Priority.MEDIUM, 240, 2880),
              new SlaTarget(Priority.LOW, 480, 7200)));

  @Test
  void everyKindOfChangeIsOneLine() {
    ServiceDefinition proposed =
        new ServiceDefinition(
            "LAPTOP_PROVISIONING",
            0,
            Instant.parse("2026-12-01T00:00:00Z"),
            "Laptop provisioning",
            "A ready-to-use,\nencrypted laptop.",
            "hardware",
            new BigDecimal("2.5"),
            ServiceDefinition.DEFAULT_EFFORT_TOLERANCE_PERCENT,
            new BigDecimal("70"),
            "EUR",
            List.of(new RequestType("NEW_LAPTOP", "New laptop for an employee"), new RequestType("RENTAL", "Rental")),
            List.of("Disk encryption enabled", "Asset tagged", "Backup verified"),
            List.of(),
            List.of(
                new SlaTarget(Priority.CRITICAL, 15, 480),
                new SlaTarget(Priority.HIGH, 120, 960),
                new SlaTarget(Priority.MEDIUM, 240, 2880),
                new SlaTarget(Priority.LOW, 480, 7200)));

    assertThat(CatalogDiff.describe(Optional.of(LAPTOP), proposed))
        .containsExactly(
            "Description: \"A ready-to-use laptop.\" → \"A ready-to-use, encrypted laptop.\"",
            "Standard effort: 3.00 → 2.50 hours",
            "Cost rate: 65.00 → 70.00 EUR/h",
            "Request type: - LOAN (Loan laptop)",
            "Request type NEW_LAPTOP: \"New laptop\" → \"New laptop for an employee\"",
            "Request type: + RENTAL (Rental)",
            "Checklist: - Handover signed",
            "Checklist: + Backup verified",
            "Checklist: new order",
            "SLA Critical response: 30 → 15 minutes",
            "SLA High resolution: 1440 → 960 minutes");
  }

  @Test
  void theEffortToleranceAndOptionalChecklistItemsAreOneLineEach() {
    ServiceDefinition proposed =
        new ServiceDefinition(
            LAPTOP.code(), 0, LAPTOP.effectiveFrom(), LAPTOP.name(), LAPTOP.description(), LAPTOP.requiredSkill(),
            LAPTOP.standardEffortHours(), 25, LAPTOP.costRatePerHour(), LAPTOP.currency(), LAPTOP.requestTypes(),
            LAPTOP.checklist(), List.of("Handover signed"), LAPTOP.slaTargets());

    assertThat(CatalogDiff.describe(Optional.of(LAPTOP), proposed))
        .containsExactly("Effort tolerance: 50 → 25 %", "Checklist: Handover signed mandatory → optional");
  }

  @Test
  void aChangedCurrencyShowsBothRatesInFull() {
    ServiceDefinition inDollars =
        new ServiceDefinition(
            LAPTOP.code(), 0, LAPTOP.effectiveFrom(), LAPTOP.name(), LAPTOP.description(), LAPTOP.requiredSkill(),
            LAPTOP.standardEffortHours(), LAPTOP.effortTolerancePercent(), new BigDecimal("65.00"), "USD",
            LAPTOP.requestTypes(), LAPTOP.checklist(), LAPTOP.optionalChecklistItems(), LAPTOP.slaTargets());

    assertThat(CatalogDiff.describe(Optional.of(LAPTOP), inDollars))
        .containsExactly("Cost rate: 65.00 EUR/h → 65.00 USD/h");
  }

  @Test
  void calendarsAndWarningThresholdsOfTheSlaTargetsAreOneLineEach() {
    ServiceDefinition proposed =
        new ServiceDefinition(
            LAPTOP.code(), 0, LAPTOP.effectiveFrom(), LAPTOP.name(), LAPTOP.description(), LAPTOP.requiredSkill(),
            LAPTOP.standardEffortHours(), LAPTOP.effortTolerancePercent(), LAPTOP.costRatePerHour(), LAPTOP.currency(),
            LAPTOP.requestTypes(), LAPTOP.checklist(), LAPTOP.optionalChecklistItems(),
            List.of(
                new SlaTarget(Priority.CRITICAL, 30, 480),
                new SlaTarget(Priority.HIGH, 120, 1440, "24X7", "24X7", List.of(60, 80, 95)),
                new SlaTarget(Priority.MEDIUM, 240, 2400, "24X7", "OFFICE_BERLIN", List.of(50, 75, 90)),
                new SlaTarget(Priority.LOW, 480, 7200, "OFFICE_NEW_YORK", "OFFICE_NEW_YORK", List.of(50, 75, 90))));

    assertThat(CatalogDiff.describe(Optional.of(LAPTOP), proposed))
        .containsExactly(
            "SLA High warnings: 50/75/90 % → 60/80/95 %",
            "SLA Medium resolution: 2880 → 2400 minutes",
            "SLA Medium resolution calendar: 24X7 → OFFICE_BERLIN",
            "SLA Low response calendar: 24X7 → OFFICE_NEW_YORK",
            "SLA Low resolution calendar: 24X7 → OFFICE_NEW_YORK");
  }

  @Test
  void aNewServiceNamesTheCalendarsAndWarningsOfATargetThatCountsOtherThan24x7OrWarnsOtherwise() {
    ServiceDefinition printer =
        new ServiceDefinition(
            "PRINTER_SETUP", 0, LAPTOP.effectiveFrom(), "Printer setup", "A printer.", "hardware",
            LAPTOP.standardEffortHours(), LAPTOP.effortTolerancePercent(), LAPTOP.costRatePerHour(), LAPTOP.currency(),
            LAPTOP.requestTypes(), LAPTOP.checklist(), LAPTOP.optionalChecklistItems(),
            List.of(
                new SlaTarget(Priority.HIGH, 60, 480),
                new SlaTarget(Priority.MEDIUM, 240, 1440, "24X7", "OFFICE_BERLIN", List.of(50, 75, 90)),
                new SlaTarget(Priority.LOW, 480, 2880, "OFFICE_BERLIN", "OFFICE_BERLIN", List.of(60, 80, 95))));

    assertThat(CatalogDiff.describe(Optional.empty(), printer))
        .endsWith(
            "SLA High: response 60 minutes, resolution 480 minutes",
            "SLA Medium: response 240 minutes, resolution 1440 minutes (OFFICE_BERLIN)",
            "SLA Low: response 480 minutes (OFFICE_BERLIN), resolution 2880 minutes (OFFICE_BERLIN), "
                + "warnings 60/80/95 %");
  }

  @Test
  void theSameDefinitionIsNoChangeAndAnUnknownServiceIsNew() {
    assertThat(CatalogDiff.describe(Optional.of(LAPTOP), LAPTOP)).containsExactly(CatalogDiff.NO_CHANGE);
    assertThat(CatalogDiff.describe(Optional.empty(), LAPTOP))
        .startsWith(CatalogDiff.NEW_SERVICE, "Name: Laptop provisioning")
        .contains("Cost rate: 65.00 EUR/h", "Checklist: + Handover signed",
            "SLA Low: response 480 minutes, resolution 7200 minutes");
  }
}
