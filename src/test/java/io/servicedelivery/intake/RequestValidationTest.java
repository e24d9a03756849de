package io.servicedelivery.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.servicedelivery.sla.Priority;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Validation against the seeded catalog: what is accepted, the SLA it is bound to, and why anything is refused. */
@WebIntegrationTest
class RequestValidationTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-23T08:00:00Z");

  @Autowired RequestValidation validation;

  @Test
  void validRequestIsBoundToTheSlaOfItsServiceAndPriority() {
    ValidatedRequest valid = validation.validate(request("DATA_RECOVERY", "FILE_RESTORE", "critical"), RECEIVED);

    assertThat(valid.service().code()).isEqualTo("DATA_RECOVERY");
    assertThat(valid.priority()).isEqualTo(Priority.CRITICAL);
    assertThat(valid.sla().responseDueAt()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(15)));
    assertThat(valid.sla().resolutionDueAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(4)));
    assertThat(valid.sla().warningsAt())
        .containsExactly(
            RECEIVED.plus(Duration.ofHours(2)),
            RECEIVED.plus(Duration.ofHours(3)),
            RECEIVED.plus(Duration.ofMinutes(216)));
    assertThat(valid.slaTarget().responseCalendar()).isEqualTo("24X7");
    assertThat(valid.slaTarget().resolutionCalendar()).isEqualTo("24X7");
  }

  /** Monday 09:00 in Berlin: 240 minutes to respond and 2880 to resolve, in Berlin office hours (08:00–18:00). */
  @Test
  void mediumPriorityCountsBerlinOfficeHours() {
    ValidatedRequest valid = validation.validate(request("DATA_RECOVERY", "FILE_RESTORE", "MEDIUM"), RECEIVED);

    assertThat(valid.slaTarget().responseCalendar()).isEqualTo("OFFICE_BERLIN");
    assertThat(valid.slaTarget().resolutionCalendar()).isEqualTo("OFFICE_BERLIN");
    assertThat(valid.slaTarget().warningPercents()).containsExactly(50, 75, 90);
    assertThat(valid.sla().responseDueAt()).as("Monday 13:00 in Berlin").isEqualTo("2026-11-23T12:00:00Z");
    assertThat(valid.sla().resolutionDueAt()).as("Friday 17:00 in Berlin").isEqualTo("2026-11-27T16:00:00Z");
    assertThat(valid.sla().warningsAt())
        .as("after 24, 36 and 43.2 office hours")
        .containsExactly(
            Instant.parse("2026-11-25T12:00:00Z"),
            Instant.parse("2026-11-26T14:00:00Z"),
            Instant.parse("2026-11-27T11:12:00Z"));
  }

  static Stream<Arguments> invalidRequests() {
    String tooLong = "x".repeat(201);
    return Stream.of(
        Arguments.of(request(null, "FILE_RESTORE", "HIGH"), "The service is missing."),
        Arguments.of(request("DATA_RECOVERY", " ", "HIGH"), "The request type is missing."),
        Arguments.of(request("TELEPORTATION", "BEAM", "HIGH"), "The service catalog has no service 'TELEPORTATION'."),
        Arguments.of(
            request("DATA_RECOVERY", "NEW_LAPTOP", "HIGH"),
            "The service Data recovery has no request type 'NEW_LAPTOP'."),
        Arguments.of(
            request("DATA_RECOVERY", "FILE_RESTORE", null),
            "The priority is missing: give a priority, or an impact and an urgency of HIGH, MEDIUM or LOW."),
        Arguments.of(
            request("DATA_RECOVERY", "FILE_RESTORE", "URGENT"),
            "The priority 'URGENT' is not one of CRITICAL, HIGH, MEDIUM, LOW."),
        Arguments.of(
            new ServiceRequest("DATA_RECOVERY", "FILE_RESTORE", "", "d", "HIGH", "Ada", "ada@x.example", null, "API", null),
            "The title is missing."),
        Arguments.of(
            new ServiceRequest(
                "DATA_RECOVERY", "FILE_RESTORE", tooLong, "d", "HIGH", "Ada", "ada@x.example", null, "API", null),
            "The title is longer than 200 characters."),
        Arguments.of(
            new ServiceRequest("DATA_RECOVERY", "FILE_RESTORE", "t", null, "HIGH", "Ada", "ada@x.example", null, "API", null),
            "The description is missing."),
        Arguments.of(
            new ServiceRequest("DATA_RECOVERY", "FILE_RESTORE", "t", "d", "HIGH", null, "ada@x.example", null, "API", null),
            "The requester name is missing."),
        Arguments.of(
            new ServiceRequest("DATA_RECOVERY", "FILE_RESTORE", "t", "d", "HIGH", "Ada", "ada-at-example", null, "API", null),
            "The requester e-mail 'ada-at-example' is not an e-mail address."),
        Arguments.of(
            new ServiceRequest(
                "DATA_RECOVERY", "FILE_RESTORE", "t", "d", "HIGH", "Ada", "ada@x.example", "c".repeat(65), "API", null),
            "The customer id is longer than 64 characters."),
        Arguments.of(
            new ServiceRequest("DATA_RECOVERY", "FILE_RESTORE", "t", "d", "HIGH", "Ada", "ada@x.example", null, "FAX", null),
            "The channel 'FAX' is not one of PORTAL, API, SERVICE_DESK, SALES_ORDER, EMAIL."),
        Arguments.of(
            new ServiceRequest(
                "DATA_RECOVERY", "FILE_RESTORE", "t", "d", "HIGH", "Ada", "ada@x.example", null, "API", "Mars/Olympus"),
            "The requester time zone 'Mars/Olympus' is not a time zone such as Europe/Berlin or America/New_York."));
  }

  @ParameterizedTest
  @MethodSource("invalidRequests")
  void invalidRequestIsRefusedWithAReasonTheRequesterUnderstands(ServiceRequest request, String reason) {
    InvalidRequestException invalid =
        catchThrowableOfType(InvalidRequestException.class, () -> validation.validate(request, RECEIVED));

    assertThat(invalid.reasons()).containsExactly(reason);
  }

  @Test
  void everyReasonIsReportedAtOnce() {
    InvalidRequestException invalid =
        catchThrowableOfType(
            InvalidRequestException.class,
            () ->
                validation.validate(
                    new ServiceRequest(null, null, null, null, null, null, null, null, null, null), RECEIVED));

    assertThat(invalid.reasons()).hasSize(8);
  }

  private static ServiceRequest request(String service, String type, String priority) {
    return new ServiceRequest(
        service, type, "Restore my thesis", "The folder vanished on Friday", priority, "Ada", "ada@uni.example", "C-1",
        "PORTAL", null);
  }
}
