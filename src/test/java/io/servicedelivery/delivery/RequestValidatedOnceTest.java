package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.REQUEST_REJECTED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.VALIDATE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.catalog.CatalogChangeRequest;
import io.servicedelivery.catalog.CatalogChanges;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.intake.Channel;
import io.servicedelivery.intake.NewServiceRequest;
import io.servicedelivery.intake.RequestProcess;
import io.servicedelivery.intake.RequestValidation;
import io.servicedelivery.intake.Requester;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.sla.BusinessCalendars;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.SlaClock;
import io.servicedelivery.sla.SlaDueDates;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.CatalogProposals;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.SampleRequests;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13, a request is judged once: intake answers an API client with the catalog version it accepted the request
 * under, and "Validate request and SLA" holds the request to exactly that version, so that a catalog change landing
 * in between neither rejects an accepted request nor gives it other terms than the ones it was accepted under. A
 * request from the order form, which intake never saw, is judged by the version in force.
 */
@ProcessTest
class RequestValidatedOnceTest extends AbstractProcessTest {

  private static final String SERVICE = "NETWORK_ACCESS";
  private static final String TYPE = "VPN_ACCESS";

  @Autowired RequestValidation validation;
  @Autowired RequestProcess requestProcess;
  @Autowired ServiceCatalog catalog;
  @Autowired CatalogChanges changes;
  @Autowired ServiceDeliveryRecords records;
  @Autowired BusinessCalendars calendars;
  @Autowired SlaClock slaClock;
  @Autowired TransactionTemplate transaction;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  private ServiceDefinition accepted;

  @BeforeEach
  void acceptedUnderTheSeededCatalog() {
    setClock(T0);
    accepted = catalog.get(SERVICE);
  }

  @AfterEach
  void removeCatalogChanges() {
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(CatalogChangeProcess.KEY)
        .list()
        .forEach(review -> runtimeService.deleteProcessInstance(review.getId(), "test cleanup"));
    CatalogProposals.removeCatalogChanges(jdbc);
  }

  @Test
  void aCatalogChangeLandingBetweenIntakeAndValidationNeitherRejectsNorReprices() {
    int acceptedVersion = validation.acceptedCatalogVersion(SERVICE, TYPE);
    int newVersion = publishChangeWithoutVpnAndTighterHighTargets();
    assertThat(newVersion).isGreaterThan(acceptedVersion);

    String requestId =
        transaction.execute(
            status -> {
              String id = records.nextRequestId();
              requestProcess.start(id, vpnRequest(), acceptedVersion);
              return id;
            });

    ProcessInstance instance = instance(requestId);
    assertThat(instance).hasPassed(VALIDATE_REQUEST).hasNotPassed(REQUEST_REJECTED);
    executeAsyncJobs();
    assertThat(instance).isWaitingAt(PLAN_DELIVERY);
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.OPEN);
    assertThat(record.catalogVersion()).isEqualTo(acceptedVersion);
    SlaDueDates acceptedTerms = dueDates(accepted, Priority.HIGH);
    assertThat(record.responseDueAt()).isEqualTo(acceptedTerms.responseDueAt());
    assertThat(record.resolutionDueAt()).isEqualTo(acceptedTerms.resolutionDueAt());
    assertThat(record.resolutionDueAt()).isNotEqualTo(dueDates(catalog.get(SERVICE), Priority.HIGH).resolutionDueAt());
  }

  @Test
  void theOrderFormWhichIntakeNeverSawIsJudgedByTheVersionInForce() {
    publishChangeWithoutVpnAndTighterHighTargets();

    ProcessInstance instance =
        formService.submitStartForm(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(ServiceDeliveryProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId(),
            SampleRequests.vpnRequest());

    executeAsyncJobs();
    assertThat(instance).hasPassed(VALIDATE_REQUEST, REQUEST_REJECTED).isEnded();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(ServiceDeliveryProcess.Variables.REJECTION_REASONS)
                .singleResult()
                .getValue())
        .asString()
        .contains("has no request type '" + TYPE + "'");
    assertThat(records.get(instance.getBusinessKey()).outcome()).isEqualTo(RequestOutcome.REJECTED);
  }

  /** A reviewed change in force from now on: VPN access is no longer offered and HIGH is resolved in 4 h, not 8. */
  private int publishChangeWithoutVpnAndTighterHighTargets() {
    CatalogChangeRequest change =
        changes.propose(
            CatalogProposals.from(accepted)
                .withoutRequestType(TYPE)
                .sla(Priority.HIGH, 30, 240)
                .effectiveFrom(T0)
                .reason("VPN moves to the new remote-access service")
                .build(),
            "analyst");
    int version = changes.approve(change.id(), "opsmanager", "Agreed with the network team");
    assertThat(catalog.get(SERVICE).requestType(TYPE)).isEmpty();
    return version;
  }

  private SlaDueDates dueDates(ServiceDefinition service, Priority priority) {
    return slaClock.dueDates(T0, calendars.terms(service.slaFor(priority).orElseThrow()));
  }

  private ProcessInstance instance(String requestId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(ServiceDeliveryProcess.KEY)
        .processInstanceBusinessKey(requestId)
        .singleResult();
  }

  private static NewServiceRequest vpnRequest() {
    return new NewServiceRequest(
        SERVICE,
        TYPE,
        "VPN for a new colleague",
        "Our new accountant starts on Monday and works from home on Fridays.",
        new Requester("Ada Customer", SampleRequests.REQUESTER_EMAIL, "CUST-042", null),
        Priority.HIGH,
        null,
        null,
        Channel.API,
        null);
  }
}
