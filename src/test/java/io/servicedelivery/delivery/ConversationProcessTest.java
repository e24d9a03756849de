package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.ASK_CUSTOMER;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.NO_ANSWER_IN_TIME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.REQUEST_CLOSED_UNANSWERED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.TAKE_CORRECTIVE_ACTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.WAIT_FOR_CUSTOMER;
import static io.servicedelivery.testsupport.SampleRequests.REQUESTER_EMAIL;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.conversation.Note;
import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.conversation.Visibility;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Values;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.engine.InvalidTaskInputException;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.TestMailServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What service-delivery keeps in the request's conversation: each round's progress report of *Execute service
 * activities* as a work-log entry and its optional comment to the customer, the question of *Ask customer* and the
 * answer that ends *Wait for customer information*.
 */
@ProcessTest
class ConversationProcessTest extends AbstractProcessTest {

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired ServiceCatalog catalog;
  @Autowired RequestNotes notes;

  @Test
  void everyRoundOfWorkKeepsItsProgressReportAsAWorkLogEntryOfTheAssignee() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();

    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, report(Values.PROGRESS_ISSUE, List.of(), "Firewall blocks the VPN port", 1.5));
    complete(
        requestId,
        TAKE_CORRECTIVE_ACTION,
        Map.of(Variables.CORRECTIVE_ACTION, "Port opened by the network team",
            Variables.CORRECTIVE_OUTCOME, Values.CORRECTIVE_MORE_WORK));
    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        report(Values.PROGRESS_DONE, catalog.get("NETWORK_ACCESS").checklist(), "VPN profile deployed and tested", 0.75));

    List<Note> workLog = notes.of(requestId).stream().filter(note -> note.kind() == NoteKind.WORK_LOG).toList();
    assertThat(workLog)
        .extracting(Note::author, Note::visibility, Note::source, Note::body)
        .containsExactly(
            tuple("staff2", Visibility.INTERNAL, NoteSource.TASKLIST,
                "Progress: ISSUE, effort 1.5 h\nFirewall blocks the VPN port"),
            tuple("staff2", Visibility.INTERNAL, NoteSource.TASKLIST,
                "Progress: DONE, effort 0.75 h\nVPN profile deployed and tested"));
    assertThat(notes.forCustomer(requestId)).isEmpty();
  }

  @Test
  void aCommentToTheCustomerInTheReportIsKeptForThemMailedToTheRequesterAndEmptiedForTheNextRound() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    Map<String, Object> report =
        new HashMap<>(report(Values.PROGRESS_ISSUE, List.of(), "Firewall blocks the VPN port", 1.0));
    report.put(Variables.CUSTOMER_COMMENT, "We wait for your network team to open port 443.");

    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, report);
    executeAsyncJobs();

    assertThat(notes.forCustomer(requestId))
        .extracting(Note::kind, Note::author, Note::source, Note::body)
        .containsExactly(
            tuple(NoteKind.COMMENT, "staff2", NoteSource.TASKLIST, "We wait for your network team to open port 443."));
    assertThat(instance).variables().containsEntry(Variables.CUSTOMER_COMMENT, null);
    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.recipient().equals(REQUESTER_EMAIL))
        .filteredOn(mail -> mail.subject().equals("New comment on your service request " + requestId))
        .singleElement()
        .satisfies(mail -> assertThat(mail.body()).contains("We wait for your network team to open port 443."));

    complete(
        requestId,
        TAKE_CORRECTIVE_ACTION,
        Map.of(Variables.CORRECTIVE_ACTION, "Port opened", Variables.CORRECTIVE_OUTCOME, Values.CORRECTIVE_MORE_WORK));
    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        report(Values.PROGRESS_DONE, catalog.get("NETWORK_ACCESS").checklist(), "VPN profile deployed", 0.5));
    assertThat(notes.forCustomer(requestId)).hasSize(1);
  }

  @Test
  void aReportTheValidationRefusesLeavesNoWorkLogEntry() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();

    assertThatThrownBy(
            () -> complete(requestId, EXECUTE_SERVICE_ACTIVITIES, report(Values.PROGRESS_DONE, List.of(), " ", 1.0)))
        .isInstanceOf(InvalidTaskInputException.class);

    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(notes.of(requestId)).isEmpty();
  }

  @Test
  void theQuestionAndTheAnswerAreKeptForTheCustomerToRead() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();

    askCustomer(requestId, "Laptop or tablet?");

    assertThat(instance).hasPassed(ASK_CUSTOMER).isWaitingAt(WAIT_FOR_CUSTOMER);
    assertThat(notes.forCustomer(requestId))
        .extracting(Note::kind, Note::author, Note::body)
        .containsExactly(tuple(NoteKind.QUESTION, "staff2", "Laptop or tablet?"));

    runtimeService
        .createMessageCorrelation(Messages.CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceId(instance.getId())
        .setVariable(Variables.CUSTOMER_RESPONSE, "The laptop")
        .correlateWithResult();

    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(notes.forCustomer(requestId))
        .extracting(Note::kind, Note::author, Note::visibility, Note::body)
        .containsExactly(
            tuple(NoteKind.QUESTION, "staff2", Visibility.CUSTOMER, "Laptop or tablet?"),
            tuple(NoteKind.ANSWER, "Ada Customer", Visibility.CUSTOMER, "The laptop"));
    assertThat(notes.of(requestId)).extracting(Note::kind)
        .containsExactly(NoteKind.WORK_LOG, NoteKind.QUESTION, NoteKind.ANSWER);
  }

  @Test
  void aQuestionLeftUnansweredUntilTheTimerHasNoAnswer() {
    ProcessInstance instance = startPlannedRequest();
    String requestId = instance.getBusinessKey();
    askCustomer(requestId, "Laptop or tablet?");
    Job noAnswer = timer(instance.getId(), NO_ANSWER_IN_TIME);

    setClock(noAnswer.getDuedate().toInstant());
    managementService.executeJob(noAnswer.getId());
    executeAsyncJobs();

    assertThat(instance).hasPassed(REQUEST_CLOSED_UNANSWERED).isEnded();
    assertThat(notes.of(requestId)).extracting(Note::kind).containsExactly(NoteKind.WORK_LOG, NoteKind.QUESTION);
  }

  private ProcessInstance startPlannedRequest() {
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion()
            .singleResult()
            .getId();
    ProcessInstance instance = formService.submitStartForm(definitionId, vpnRequest());
    executeAsyncJobs();
    planDelivery(instance.getBusinessKey());
    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    return instance;
  }

  private void askCustomer(String requestId, String question) {
    Map<String, Object> report = new HashMap<>(report(Values.PROGRESS_WAITING_FOR_CUSTOMER, List.of(),
        "Prepared the VPN profile", 0.5));
    report.put(Variables.CUSTOMER_QUESTION, question);
    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, report);
    executeAsyncJobs();
  }

  private static Map<String, Object> report(String status, List<String> confirmed, String report, double effort) {
    return Map.of(
        QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(confirmed),
        Variables.PROGRESS_STATUS, status,
        Variables.PROGRESS_REPORT, report,
        Variables.EFFORT_HOURS, effort);
  }
}
