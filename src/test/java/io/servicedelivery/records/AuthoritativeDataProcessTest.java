package io.servicedelivery.records;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.NO_ANSWER_IN_TIME;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static io.servicedelivery.testsupport.SampleRequests.REQUESTER_EMAIL;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.sla.ReadableTime;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.TestMailServer;
import io.servicedelivery.testsupport.TestMailServer.ReceivedMail;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, defence in depth: whoever can change a running request's process variables (a task's variables over
 * {@code /engine-rest}, a form with extra fields) changes neither where the requester's mail goes, nor the time zone
 * it gives its times in (issue 14), nor the customer the request belongs to, nor the price it is billed at. The
 * record and the catalog are the authority.
 */
@ProcessTest
class AuthoritativeDataProcessTest extends AbstractProcessTest {

  private static final String OUTSIDER = "mallory@outside.example";

  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;

  @Test
  void aChangedRequesterAddressDoesNotRedirectTheCompletionMail() {
    String requestId = startPlannedRequest();
    String instanceId = instanceOf(requestId);
    runtimeService.setVariable(instanceId, Variables.REQUESTER_EMAIL, OUTSIDER);
    runtimeService.setVariable(instanceId, Variables.REQUESTER_NAME, "Mallory");
    runtimeService.setVariable(instanceId, Variables.CUSTOMER_ID, "CUST-666");

    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, doneReport(Map.of()));
    complete(requestId, REVIEW_QUALITY, Map.of(QualityControlProcess.Variables.QUALITY_VERDICT, "PASSED"));
    confirmDelivery(requestId);
    executeAsyncJobs();

    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.subject().equals("Your service request " + requestId + " is completed"))
        .singleElement()
        .extracting(ReceivedMail::recipient)
        .isEqualTo(REQUESTER_EMAIL);
    assertThat(TestMailServer.received()).extracting(ReceivedMail::recipient).doesNotContain(OUTSIDER);
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.requesterEmail()).isEqualTo(REQUESTER_EMAIL);
    assertThat(record.requesterName()).isEqualTo("Ada Customer");
    assertThat(record.customerId()).isEqualTo("CUST-042");
  }

  @Test
  void aChangedTimeZoneDoesNotMoveTheTimesOfTheRequestersMails() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Map<String, Object> request = vpnRequest();
    request.put(Variables.REQUESTER_TIME_ZONE, newYork.getId());
    String requestId = startPlannedRequest(request);
    String instanceId = instanceOf(requestId);
    runtimeService.setVariable(instanceId, Variables.REQUESTER_TIME_ZONE, "Asia/Tokyo");

    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        Map.of(
            QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(List.of()),
            QualityControlProcess.Variables.PROGRESS_STATUS, "WAITING_FOR_CUSTOMER",
            QualityControlProcess.Variables.PROGRESS_REPORT, "Prepared the VPN profile",
            Variables.CUSTOMER_QUESTION, "Which device will your colleague use?",
            QualityControlProcess.Variables.EFFORT_HOURS, 0.5));
    Date answerDue = (Date) runtimeService.getVariable(instanceId, Variables.CUSTOMER_ANSWER_DUE_AT);
    Job noAnswer = timer(instanceId, NO_ANSWER_IN_TIME);
    setClock(noAnswer.getDuedate().toInstant());
    managementService.executeJob(noAnswer.getId());
    executeAsyncJobs();

    assertThat(records.get(requestId).requesterTimeZone()).isEqualTo(newYork.getId());
    // HIGH counts around the clock: planned by 09:00 UTC, in New York 04:00
    assertThat(mailTitled("We received your service request " + requestId).body())
        .contains("Planned by:      Mon 23 Nov 2026, 04:00 EST");
    assertThat(ReadableTime.of(answerDue, newYork)).endsWith(" EST");
    assertThat(mailTitled("Your service request " + requestId + " is closed: we did not hear from you").body())
        .contains("by " + ReadableTime.of(answerDue, newYork) + ", so we have closed the request")
        .doesNotContain("JST");
  }

  @Test
  void aCostRateSentWithTheCompletionIsIgnoredTheCatalogsRateIsBilled() {
    String requestId = startPlannedRequest();
    BigDecimal catalogRate = catalog.get("NETWORK_ACCESS").costRatePerHour();

    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        doneReport(Map.of(Variables.COST_RATE_PER_HOUR, 0.01, Variables.CURRENCY, "XTS")));
    complete(requestId, REVIEW_QUALITY, Map.of(QualityControlProcess.Variables.QUALITY_VERDICT, "PASSED"));
    confirmDelivery(requestId);

    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.catalogVersion()).isEqualTo(catalog.get("NETWORK_ACCESS").version());
    assertThat(record.costRatePerHour()).isEqualByComparingTo(catalogRate);
    assertThat(record.currency()).isEqualTo(catalog.get("NETWORK_ACCESS").currency());
    assertThat(record.cost()).isEqualByComparingTo(catalogRate.multiply(new BigDecimal("1.5")));
  }

  @Test
  void aRateChangedOnTheRunningInstanceIsIgnoredToo() {
    String requestId = startPlannedRequest();
    runtimeService.setVariable(instanceOf(requestId), Variables.COST_RATE_PER_HOUR, 0.01);

    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, doneReport(Map.of()));

    assertThat(records.get(requestId).costRatePerHour())
        .isEqualByComparingTo(catalog.get("NETWORK_ACCESS").costRatePerHour());
  }

  private String instanceOf(String requestId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId).singleResult().getId();
  }

  private ReceivedMail mailTitled(String subject) {
    return TestMailServer.received().stream()
        .filter(mail -> mail.subject().equals(subject))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No mail '" + subject + "' arrived"));
  }

  /** A request that was acknowledged, planned and given to staff2. */
  private String startPlannedRequest() {
    return startPlannedRequest(vpnRequest());
  }

  private String startPlannedRequest(Map<String, Object> request) {
    String requestId =
        runtimeService
            .createMessageCorrelation(Messages.SERVICE_REQUEST_SUBMITTED)
            .setVariables(request)
            .correlateStartMessage()
            .getBusinessKey();
    planDelivery(requestId);
    executeAsyncJobs();
    return requestId;
  }

  private Map<String, Object> doneReport(Map<String, Object> extra) {
    Map<String, Object> report = new HashMap<>(extra);
    report.put(QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(catalog.get("NETWORK_ACCESS").checklist()));
    report.put(QualityControlProcess.Variables.PROGRESS_STATUS, "DONE");
    report.put(QualityControlProcess.Variables.PROGRESS_REPORT, "VPN profile deployed and tested with the user");
    report.put(QualityControlProcess.Variables.EFFORT_HOURS, 1.5);
    return report;
  }
}
