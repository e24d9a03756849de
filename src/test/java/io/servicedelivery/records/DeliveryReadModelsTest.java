package io.servicedelivery.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.servicedelivery.testsupport.WebIntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read models metrics uses, {@link DeliveryOutcomes} and {@link ServiceRecordCounts}, over records of a service of
 * their own in January 2001: R1 delivered on time and rated 5, R2 delivered late after two reworks with an SLA breach
 * and rated 2, R3 rejected, R4 cancelled and rated 1, R5 delivered right at the end of the month (not in it), R6 open.
 */
@WebIntegrationTest
class DeliveryReadModelsTest {

  private static final String SERVICE = "READ_MODEL_TEST";

  private static final DeliveryOutcomes.Selection OF_SERVICE = DeliveryOutcomes.Selection.ofService(SERVICE);
  private static final Instant FROM = Instant.parse("2001-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2001-02-01T00:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired DeliveryOutcomes outcomes;
  @Autowired ServiceRecordCounts counts;

  @BeforeEach
  void insertRecords() {
    clear();
    record("RM-1", "CLOSED", "2001-01-10T08:00:00Z", "2001-01-10T18:00:00Z", "2001-01-10T20:00:00Z")
        .plannedCompletion("2001-01-10T19:00:00Z").response(true).resolution(true).firstTimeRight(true, 0)
        .cost("100.00").insert();
    record("RM-2", "CLOSED", "2001-01-11T00:00:00Z", "2001-01-11T23:00:00Z", "2001-01-12T00:00:00Z")
        .resolutionDue("2001-01-11T22:00:00Z").response(false).resolution(false).firstTimeRight(false, 2)
        .breached("2001-01-11T22:00:00Z").insert();
    record("RM-3", "REJECTED", "2001-01-15T00:00:00Z", null, "2001-01-15T01:00:00Z").insert();
    record("RM-4", "CANCELLED", "2001-01-19T00:00:00Z", null, "2001-01-20T00:00:00Z").response(true).insert();
    record("RM-5", "CLOSED", "2001-01-31T00:00:00Z", "2001-01-31T20:00:00Z", "2001-02-01T00:00:00Z")
        .response(true).resolution(true).firstTimeRight(true, 0).cost("50.00").insert();
    record("RM-6", "OPEN", "2001-01-30T00:00:00Z", null, null).insert();
    rating("RM-1", 5);
    rating("RM-2", 2);
    rating("RM-4", 1);
  }

  @AfterEach
  void clear() {
    jdbc.sql("delete from customer_feedback where request_id like 'RM-%'").update();
    jdbc.sql("delete from service_delivery_record where request_id like 'RM-%'").update();
  }

  @Test
  void theOutcomesOfTheRequestsClosedInThePeriodAddUp() {
    assertThat(outcomes.counts(FROM, TO, OF_SERVICE))
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(new DeliveryOutcomes.Counts(2, 1, 3, 2, 1, 1, 1, new BigDecimal("100.00")));
    assertThat(outcomes.ratings(FROM, TO, OF_SERVICE)).isEqualTo(new DeliveryOutcomes.Ratings(2, 7));
    assertThat(outcomes.cycleTime(FROM, TO, OF_SERVICE)).isEqualTo(Duration.ofHours(36));
    assertThat(outcomes.counts(FROM, TO, DeliveryOutcomes.Selection.ofService("NO_SUCH_SERVICE")))
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(new DeliveryOutcomes.Counts(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO));
  }

  @Test
  void theOpenDeliveriesAreThoseOfTheOpenRequests() {
    assertThat(outcomes.openDeliveries(OF_SERVICE)).containsExactly("instance-RM-6");
    assertThat(outcomes.openDeliveries(DeliveryOutcomes.Selection.ALL))
        .contains("instance-RM-6")
        .doesNotContain("instance-RM-1");
  }

  @Test
  void theRecordsCountPerService() {
    assertThat(counts.requestsByServiceAndOutcome())
        .contains(
            new ServiceRecordCounts.OutcomeCount(SERVICE, RequestOutcome.CLOSED, 3),
            new ServiceRecordCounts.OutcomeCount(SERVICE, RequestOutcome.REJECTED, 1),
            new ServiceRecordCounts.OutcomeCount(SERVICE, RequestOutcome.CANCELLED, 1),
            new ServiceRecordCounts.OutcomeCount(SERVICE, RequestOutcome.OPEN, 1));
    assertThat(counts.averageRatingByService())
        .filteredOn(average -> average.serviceCode().equals(SERVICE))
        .singleElement()
        .satisfies(average -> assertThat(average.average()).isCloseTo(8.0 / 3, within(0.001)));
    assertThat(counts.serviceCodes()).contains(SERVICE).doesNotContainNull();
    assertThat(counts.slaBreaches(SERVICE)).isEqualTo(1);
    assertThat(counts.reworks(SERVICE)).isEqualTo(2);
    assertThat(counts.ratings(SERVICE)).isEqualTo(3);
  }

  private Row record(String requestId, String outcome, String receivedAt, String completedAt, String closedAt) {
    return new Row(requestId, outcome, receivedAt, completedAt, closedAt);
  }

  private void rating(String requestId, int rating) {
    jdbc.sql("insert into customer_feedback (request_id, rating, rated_at, rated_by) values (?, ?, ?, 'customer')")
        .params(requestId, rating, Timestamp.from(TO))
        .update();
  }

  private final class Row {

    private final String requestId;
    private final String outcome;
    private final String receivedAt;
    private final String completedAt;
    private final String closedAt;
    private String plannedCompletionAt;
    private String resolutionDueAt;
    private String breachedAt;
    private Boolean responseMet;
    private Boolean resolutionMet;
    private Boolean firstTimeRight;
    private int reworks;
    private String cost;

    Row(String requestId, String outcome, String receivedAt, String completedAt, String closedAt) {
      this.requestId = requestId;
      this.outcome = outcome;
      this.receivedAt = receivedAt;
      this.completedAt = completedAt;
      this.closedAt = closedAt;
    }

    Row plannedCompletion(String at) {
      plannedCompletionAt = at;
      return this;
    }

    Row resolutionDue(String at) {
      resolutionDueAt = at;
      return this;
    }

    Row breached(String at) {
      breachedAt = at;
      return this;
    }

    Row response(boolean met) {
      responseMet = met;
      return this;
    }

    Row resolution(boolean met) {
      resolutionMet = met;
      return this;
    }

    Row firstTimeRight(boolean right, int reworks) {
      firstTimeRight = right;
      this.reworks = reworks;
      return this;
    }

    Row cost(String cost) {
      this.cost = cost;
      return this;
    }

    void insert() {
      jdbc.sql(
              """
              insert into service_delivery_record (
                request_id, process_instance_id, channel, received_at, service_code, outcome, completed_at, closed_at,
                planned_completion_at, resolution_due_at, sla_breached_at, response_met, resolution_met,
                first_time_right, rework_count, cost)
              values (?, ?, 'API', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              requestId,
              "instance-" + requestId,
              timestamp(receivedAt),
              SERVICE,
              outcome,
              timestamp(completedAt),
              timestamp(closedAt),
              timestamp(plannedCompletionAt),
              timestamp(resolutionDueAt),
              timestamp(breachedAt),
              responseMet,
              resolutionMet,
              firstTimeRight,
              reworks,
              cost == null ? null : new BigDecimal(cost))
          .update();
    }

    private static Timestamp timestamp(String at) {
      return at == null ? null : Timestamp.from(Instant.parse(at));
    }
  }
}
