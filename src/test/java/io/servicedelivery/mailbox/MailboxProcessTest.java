package io.servicedelivery.mailbox;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.WAIT_FOR_CUSTOMER;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static io.servicedelivery.testsupport.SampleRequests.REQUESTER_EMAIL;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.conversation.Note;
import io.servicedelivery.conversation.NoteKind;
import io.servicedelivery.conversation.NoteSource;
import io.servicedelivery.conversation.RequestAttachments;
import io.servicedelivery.conversation.RequestNotes;
import io.servicedelivery.conversation.Visibility;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.mailbox.MailboxProcesses.Handling;
import io.servicedelivery.mailbox.MailboxProcesses.Reading;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.notification.Notifications;
import io.servicedelivery.notification.OutboxNotification;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.intake.RequestIntake;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.Viewer;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.AsyncJobs;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.testsupport.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code bpmn/mailbox-reading.bpmn} and {@code bpmn/inbound-mail.bpmn} with real mails: sent over SMTP to the test
 * GreenMail, read by the application over IMAP from the desk's mailbox ({@link TestMailServer#DESK}). The job
 * executor is off: the tests fire the poll timer and run the jobs themselves.
 */
@ProcessTest
@TestPropertySource(properties = {"servicedelivery.mailbox.enabled=true", "servicedelivery.mailbox.idle=false"})
class MailboxProcessTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties mailboxCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(
              ServiceDeliveryProcess.KEY, ResourceAllocationProcess.KEY, QualityControlProcess.KEY,
              CatalogChangeProcess.KEY, CapaProcess.KEY, NotificationProcess.KEY)
          .build();
    }
  }

  private static final String QUESTION = "Which device will your colleague use: the company laptop or a tablet?";

  @Autowired private FormService formService;
  @Autowired private RepositoryService repositoryService;
  @Autowired private HistoryService historyService;
  @Autowired private Notifications notifications;
  @Autowired private ServiceDeliveryRecords records;
  @Autowired private RequestNotes notes;
  @Autowired private RequestAttachments attachments;
  @Autowired private InboundMails inboundMails;
  @Autowired private ServiceCatalog catalog;
  @Autowired private RequestIntake intake;

  @AfterEach
  void forgetMails() {
    jdbc.sql("delete from inbound_mail").update();
  }

  @Test
  void aReplyToTheQuestionMailAnswersTheQuestionAndTheRequestContinues() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    askCustomer(requestId);
    String questionMail = messageIdOf(requestId, "WAITING_FOR_CUSTOMER");

    MimeMessage reply =
        mail(REQUESTER_EMAIL, "Re: We need information for your service request " + requestId,
            "The company laptop, please.\n\nOn Mon, 23 Nov 2026 at 09:00, Service Desk wrote:\n> " + QUESTION + "\n");
    reply.setHeader("In-Reply-To", questionMail);
    reply.setHeader("References", questionMail);
    TestMailServer.send(reply);

    readMailbox();

    assertThat(request).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(request).variables().containsEntry(Variables.CUSTOMER_RESPONSE, "The company laptop, please.");
    assertThat(inboundMails.list(null, 10))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.status()).isEqualTo(InboundMailStatus.PROCESSED);
              assertThat(mail.outcome()).isEqualTo(MailOutcome.ANSWERED);
              assertThat(mail.requestId()).isEqualTo(requestId);
              assertThat(mail.from()).contains(REQUESTER_EMAIL);
            });
    assertThat(handling()).hasPassed(Handling.Elements.HANDLE_MAIL, Handling.Elements.REPLY_PASSED_ON);
    assertThat(TestMailServer.deskMailSeen()).as("marked seen once stored").isTrue();
  }

  @Test
  void aReplyIsMatchedByTheRequestNumberInTheSubjectToo() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    askCustomer(requestId);

    TestMailServer.send(mail(REQUESTER_EMAIL, "Answer for " + requestId, "A tablet.\n\n> " + QUESTION));
    readMailbox();

    assertThat(request).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(request).variables().containsEntry(Variables.CUSTOMER_RESPONSE, "A tablet.");
  }

  @Test
  void aReplyWhileNobodyWaitsForAnAnswerIsACustomerComment() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();

    TestMailServer.send(mail(REQUESTER_EMAIL, "Re: " + requestId, "He starts on Tuesday, not Monday."));
    readMailbox();

    assertThat(request).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(notes.of(requestId))
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.kind()).isEqualTo(NoteKind.COMMENT);
              assertThat(note.visibility()).isEqualTo(Visibility.CUSTOMER);
              assertThat(note.source()).isEqualTo(NoteSource.EMAIL);
              assertThat(note.author()).isEqualTo(REQUESTER_EMAIL);
              assertThat(note.body()).isEqualTo("He starts on Tuesday, not Monday.");
            });
    assertThat(inboundMails.list(null, 10)).singleElement().extracting(InboundMail::outcome)
        .isEqualTo(MailOutcome.COMMENTED);
  }

  @Test
  void theFilesOfAReplyAreAttachedForTheCustomerAndARefusedOneIsKeptInTheStoredMail() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    MimeMessage reply = withMessageId("<" + UUID.randomUUID() + "@customer.example>");
    reply.setFrom(new InternetAddress(REQUESTER_EMAIL));
    reply.setRecipient(Message.RecipientType.TO, new InternetAddress(TestMailServer.DESK));
    reply.setSubject("Re: " + requestId);
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart text = new MimeBodyPart();
    text.setText("The error message is in the screenshot.", "UTF-8");
    parts.addBodyPart(text);
    parts.addBodyPart(file("error.pdf", "application/pdf", "%PDF-1.4\n%the error\n".getBytes(UTF_8)));
    parts.addBodyPart(file("fix.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0}));
    reply.setContent(parts);
    TestMailServer.send(reply);
    readMailbox();

    assertThat(attachments.forCustomer(requestId))
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.fileName()).isEqualTo("error.pdf");
              assertThat(file.source()).isEqualTo(NoteSource.EMAIL);
              assertThat(file.author()).isEqualTo(REQUESTER_EMAIL);
            });
    assertThat(notes.of(requestId))
        .extracting(Note::kind, Note::visibility)
        .containsExactly(tuple(NoteKind.COMMENT, Visibility.CUSTOMER), tuple(NoteKind.WORK_NOTE, Visibility.INTERNAL));
    assertThat(notes.of(requestId).get(1).body()).contains("fix.exe", "inbound mail");
    AsyncJobs.runDue(managementService, null);
    assertThat(notifications.outboxOf(requestId))
        .as("the assignee and the coordinators are told of the customer's comment")
        .anySatisfy(sent -> assertThat(sent.type()).isEqualTo("CUSTOMER_COMMENTED"));
  }

  private static MimeBodyPart file(String name, String type, byte[] content) throws MessagingException {
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(content, type)));
    file.setFileName(name);
    file.setDisposition(jakarta.mail.Part.ATTACHMENT);
    return file;
  }

  @Test
  void aReplyToTheQuestionAfterItWasAnsweredInThePortalIsACommentInsteadOfBeingLost() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    askCustomer(requestId);
    String questionMail = messageIdOf(requestId, "WAITING_FOR_CUSTOMER");
    intake.respond(Viewer.SYSTEM, requestId, "The company laptop.");

    MimeMessage reply = mail(REQUESTER_EMAIL, "Re: information needed", "Oh, and a docking station too.");
    reply.setHeader("In-Reply-To", questionMail);
    TestMailServer.send(reply);
    readMailbox();

    assertThat(request).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(request).variables().containsEntry(Variables.CUSTOMER_RESPONSE, "The company laptop.");
    assertThat(notes.of(requestId))
        .filteredOn(note -> note.kind() == NoteKind.COMMENT)
        .extracting(Note::body)
        .containsExactly("Oh, and a docking station too.");
    assertThat(inboundMails.list(null, 10)).singleElement().extracting(InboundMail::outcome)
        .isEqualTo(MailOutcome.COMMENTED);
  }

  @Test
  void aReplyAfterCompletionReopensTheRequest() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    completeDelivery(requestId);
    String completionMail = messageIdOf(requestId, "REQUEST_COMPLETED");

    MimeMessage reply =
        mail(REQUESTER_EMAIL, "Re: " + requestId, "The VPN does not connect from home.\n\n> We completed it");
    reply.setHeader("In-Reply-To", completionMail);
    TestMailServer.send(reply);
    readMailbox();

    assertThat(inboundMails.list(null, 10)).singleElement().extracting(InboundMail::outcome)
        .isEqualTo(MailOutcome.REOPENED);
    assertThat(records.get(requestId).outcome()).isEqualTo(RequestOutcome.OPEN);
    assertThat(records.get(requestId).reopenCount()).isEqualTo(1);
    assertThat(notes.of(requestId))
        .filteredOn(note -> note.kind() == NoteKind.COMMENT)
        .extracting(Note::body)
        .containsExactly("Not as agreed: The VPN does not connect from home.");
  }

  @Test
  void aConfirmingReplyAfterCompletionClosesTheRequest() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    completeDelivery(requestId);

    TestMailServer.send(mail(REQUESTER_EMAIL, "Re: " + requestId, "Confirmed!\n\nThanks, Ada"));
    readMailbox();

    assertThat(inboundMails.list(null, 10)).singleElement().extracting(InboundMail::outcome)
        .isEqualTo(MailOutcome.CONFIRMED);
    assertThat(records.get(requestId).outcome()).isEqualTo(RequestOutcome.CLOSED);
  }

  @Test
  void aNewMailFromAKnownCustomerCreatesOneRequestEvenWhenFetchedTwice() throws Exception {
    plannedRequest(); // Ada asked for something before: a known customer
    long emailRequestsBefore = emailRequests();
    long handledBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Handling.KEY).count();
    MimeMessage mail =
        mail("Ada Customer <" + REQUESTER_EMAIL + ">", "Printer on the third floor jams",
            "Every second page jams in the printer next to room 3.14.");
    TestMailServer.send(mail);

    readMailbox();
    // the step that marks the mails seen never ran (a crash after the commit), and the same mail arrives once more
    TestMailServer.markDeskMailUnseen();
    TestMailServer.send(mail);
    readMailbox();

    assertThat(emailRequests()).isEqualTo(emailRequestsBefore + 1);
    String requestId = inboundMails.list(null, 1).get(0).requestId();
    assertThat(records.get(requestId))
        .satisfies(
            record -> {
              assertThat(record.channel()).isEqualTo("EMAIL");
              assertThat(record.title()).isEqualTo("Printer on the third floor jams");
              assertThat(record.requesterEmail()).isEqualTo(REQUESTER_EMAIL);
              assertThat(record.requesterName()).isEqualTo("Ada Customer");
              assertThat(record.customerId()).isEqualTo("CUST-042");
              assertThat(record.serviceCode()).isEqualTo("ONSITE_REPAIR");
            });
    assertThat(inboundMails.list(null, 10))
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.outcome()).isEqualTo(MailOutcome.REQUEST_CREATED);
              assertThat(stored.requestId()).isEqualTo(requestId);
            });
    assertThat(
            historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Handling.KEY).count())
        .as("handled once")
        .isEqualTo(handledBefore + 1);
    assertThat(handling()).hasPassed(Handling.Elements.REQUEST_CREATED);
    AsyncJobs.runDue(managementService, null);
    assertThat(TestMailServer.received())
        .filteredOn(received -> received.recipient().equals(REQUESTER_EMAIL))
        .anySatisfy(received -> assertThat(received.subject()).isEqualTo("We received your service request " + requestId));
  }

  @Test
  void anAutoReplyAndABounceCreateNothing() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    long emailRequestsBefore = emailRequests();
    MimeMessage outOfOffice =
        mail(REQUESTER_EMAIL, "Out of the office: " + requestId, "I am away until Monday.");
    outOfOffice.setHeader("Auto-Submitted", "auto-replied");
    TestMailServer.send(outOfOffice);
    TestMailServer.send(bounce(requestId));

    readMailbox();

    assertThat(notes.of(requestId)).isEmpty();
    assertThat(emailRequests()).isEqualTo(emailRequestsBefore);
    assertThat(inboundMails.list(InboundMailStatus.IGNORED, 10))
        .hasSize(2)
        .extracting(InboundMail::reason)
        .anySatisfy(reason -> assertThat(reason).isEqualTo("AUTO_REPLY: Auto-Submitted: auto-replied"))
        .anySatisfy(reason -> assertThat(reason).startsWith("BOUNCE: a delivery status report"));
    assertThat(handling()).hasPassed(Handling.Elements.MAIL_IGNORED);
  }

  @Test
  void aMailFromAnUnknownSenderCreatesNothing() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    long emailRequestsBefore = emailRequests();
    TestMailServer.send(mail("mallory@elsewhere.example", "Free laptops", "Click here."));
    TestMailServer.send(mail("mallory@elsewhere.example", "Re: " + requestId, "Cancel it."));

    readMailbox();

    assertThat(notes.of(requestId)).isEmpty();
    assertThat(emailRequests()).isEqualTo(emailRequestsBefore);
    assertThat(inboundMails.list(InboundMailStatus.IGNORED, 10))
        .extracting(InboundMail::reason)
        .containsExactlyInAnyOrder(
            "UNKNOWN_SENDER: mallory@elsewhere.example never asked for anything",
            "UNKNOWN_SENDER: mallory@elsewhere.example is not the requester of " + requestId);
  }

  @Test
  void aMailboxServerThatIsDownMeansRetriesThenAnIncidentAndTheMailIsReadOnceItIsBack() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    TestMailServer.send(mail(REQUESTER_EMAIL, "Re: " + requestId, "Please use the Berlin office address."));
    TestMailServer.stopImap();

    ProcessInstance reading = poll();
    Job fetch = managementService.createJobQuery().processInstanceId(reading.getId()).singleResult();
    assertThat(fetch.getRetries()).isEqualTo(3);
    for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
      String jobId = fetch.getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("mailbox cannot be read");
      fetch = managementService.createJobQuery().jobId(jobId).singleResult();
      assertThat(fetch.getRetries()).isEqualTo(retriesLeft);
    }
    assertThat(fetch.getDuedate()).as("retried a minute later").isEqualTo(Date.from(T0.plus(Duration.ofMinutes(1))));
    assertThat(runtimeService.createIncidentQuery().processInstanceId(reading.getId()).count()).isEqualTo(1);

    // the next polls end at once while the incident stands: one incident, not one per minute
    ProcessInstance skipped = poll();
    assertThat(skipped).hasPassed(Reading.Elements.READING_SKIPPED).isEnded();
    assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(1);
    assertThat(inboundMails.list(null, 10)).isEmpty();

    TestMailServer.startImap();
    managementService.setJobRetries(fetch.getId(), 1);
    managementService.executeJob(fetch.getId());
    AsyncJobs.runDue(managementService, null);

    assertThat(reading).hasPassed(Reading.Elements.FETCH_MAILS, Reading.Elements.MAILS_STORED).isEnded();
    assertThat(notes.of(requestId)).extracting(Note::body).containsExactly("Please use the Berlin office address.");
  }

  @Test
  void aMailWhoseHandlingFailsBecomesItsOwnIncidentAndTheNextMailIsHandled() throws Exception {
    ProcessInstance request = plannedRequest();
    String requestId = request.getBusinessKey();
    TestMailServer.send(mail(REQUESTER_EMAIL, "Re: " + requestId, "First remark."));
    TestMailServer.send(mail(REQUESTER_EMAIL, "Re: " + requestId, "Second remark."));
    ProcessInstance reading = poll();
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(reading.getId()).singleResult().getId());
    List<InboundMail> stored = inboundMails.list(null, 10);
    assertThat(stored).hasSize(2);
    long broken = stored.stream().filter(mail -> mail.subject().equals("Re: " + requestId)).mapToLong(InboundMail::id).min().orElseThrow();
    // the first mail's row is gone before its job runs: handling it fails
    jdbc.sql("delete from inbound_mail where id = ?").param(broken).update();

    for (ProcessInstance handling :
        runtimeService.createProcessInstanceQuery().processDefinitionKey(Handling.KEY).list()) {
      Job job = managementService.createJobQuery().processInstanceId(handling.getId()).singleResult();
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          managementService.executeJob(job.getId());
          break;
        } catch (RuntimeException failed) {
          assertThat(failed).hasMessageContaining("No inbound mail " + broken);
        }
      }
    }

    assertThat(runtimeService.createIncidentQuery().processDefinitionKeyIn(Handling.KEY).list())
        .singleElement()
        .satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("No inbound mail " + broken));
    assertThat(notes.of(requestId)).extracting(Note::body).containsExactly("Second remark.");
  }

  @Test
  void thePollTimerFiresEveryMinute() {
    Job timer = pollTimer();
    setClock(timer.getDuedate().toInstant()); // fired when due, as the job executor does
    managementService.executeJob(timer.getId());
    // the next poll is one poll interval after the one that fired
    assertThat(pollTimer().getDuedate())
        .isEqualTo(Date.from(timer.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
  }

  // --- helpers

  private ProcessInstance plannedRequest() {
    Map<String, Object> form = vpnRequest();
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion().singleResult().getId();
    ProcessInstance instance = formService.submitStartForm(definitionId, form);
    executeAsyncJobs();
    planDelivery(instance.getBusinessKey());
    assertThat(instance).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    return instance;
  }

  private void askCustomer(String requestId) {
    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        Map.of(
            QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(List.of()),
            Variables.PROGRESS_STATUS, "WAITING_FOR_CUSTOMER",
            Variables.PROGRESS_REPORT, "Prepared the VPN profile",
            Variables.CUSTOMER_QUESTION, QUESTION,
            Variables.EFFORT_HOURS, 0.5));
    executeAsyncJobs();
    assertThat(task(requestId, EXECUTE_SERVICE_ACTIVITIES)).isNull();
    assertThat(runtimeService.createExecutionQuery().processInstanceBusinessKey(requestId)
        .activityId(WAIT_FOR_CUSTOMER).count()).isEqualTo(1);
  }

  private void completeDelivery(String requestId) {
    complete(
        requestId,
        EXECUTE_SERVICE_ACTIVITIES,
        Map.of(
            QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(catalog.get("NETWORK_ACCESS").checklist()),
            Variables.PROGRESS_STATUS, "DONE",
            Variables.PROGRESS_REPORT, "VPN profile deployed and tested with the user",
            Variables.EFFORT_HOURS, 1.5));
    Map<String, Object> review = new HashMap<>();
    review.put(QualityControlProcess.Variables.QUALITY_VERDICT, "PASSED");
    complete(requestId, REVIEW_QUALITY, review);
    executeAsyncJobs();
  }

  private String messageIdOf(String requestId, String type) {
    return notifications.outboxOf(requestId).stream()
        .filter(sent -> sent.type().equals(type))
        .map(OutboxNotification::messageId)
        .findFirst()
        .orElseThrow();
  }

  private static MimeMessage mail(String from, String subject, String text) throws MessagingException {
    MimeMessage mail = withMessageId("<" + UUID.randomUUID() + "@customer.example>");
    mail.setFrom(new InternetAddress(from));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(TestMailServer.DESK));
    mail.setSubject(subject);
    mail.setText(text, "UTF-8");
    return mail;
  }

  /** A delivery status notification, as a mail server sends it for a mail it could not deliver. */
  private static MimeMessage bounce(String requestId) throws MessagingException {
    MimeMessage mail = withMessageId("<" + UUID.randomUUID() + "@mx.customer.example>");
    mail.setFrom(new InternetAddress("MAILER-DAEMON@customer.example"));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(TestMailServer.DESK));
    mail.setSubject("Undelivered Mail Returned to Sender: " + requestId);
    MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
    MimeBodyPart human = new MimeBodyPart();
    human.setText("Your mail to ada@customer.example could not be delivered.");
    report.addBodyPart(human);
    MimeBodyPart status = new MimeBodyPart();
    status.setContent("Reporting-MTA: dns; mx.customer.example\r\n\r\nFinal-Recipient: rfc822; ada@customer.example\r\nAction: failed\r\nStatus: 5.1.1\r\n", "message/delivery-status");
    report.addBodyPart(status);
    mail.setContent(report);
    return mail;
  }

  /** A mail that keeps its Message-ID when it is sent (again): a mail program's copy of the same mail. */
  private static MimeMessage withMessageId(String messageId) {
    return new MimeMessage(TestMailServer.session()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
  }

  /** An instance as camunda-bpm-assert needs it, also once it has ended. */
  private record EndedInstance(HistoricProcessInstance historic) implements ProcessInstance {
    @Override
    public String getProcessDefinitionId() {
      return historic.getProcessDefinitionId();
    }

    @Override
    public String getBusinessKey() {
      return historic.getBusinessKey();
    }

    @Override
    public String getRootProcessInstanceId() {
      return historic.getRootProcessInstanceId();
    }

    @Override
    public String getCaseInstanceId() {
      return null;
    }

    @Override
    public boolean isSuspended() {
      return false;
    }

    @Override
    public String getId() {
      return historic.getId();
    }

    @Override
    public boolean isEnded() {
      return historic.getEndTime() != null;
    }

    @Override
    public String getProcessInstanceId() {
      return historic.getId();
    }

    @Override
    public String getTenantId() {
      return null;
    }

    @Override
    public String getProcessDefinitionKey() {
      return historic.getProcessDefinitionKey();
    }
  }

  private Job pollTimer() {
    return managementService.createJobQuery().processDefinitionKey(Reading.KEY).timers().singleResult();
  }

  /** Fires the poll timer: a new instance of mailbox-reading, which waits at its fetch job or has ended. */
  private ProcessInstance poll() {
    List<String> before = readings();
    managementService.executeJob(pollTimer().getId());
    HistoricProcessInstance newest =
        historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Reading.KEY).list().stream()
            .filter(instance -> !before.contains(instance.getId()))
            .findFirst()
            .orElseThrow();
    ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(newest.getId()).singleResult();
    return running != null ? running : new EndedInstance(newest);
  }

  private long emailRequests() {
    return jdbc.sql("select count(*) from service_request where channel = 'EMAIL'").query(Long.class).single();
  }

  private List<String> readings() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Reading.KEY).list().stream()
        .map(HistoricProcessInstance::getId)
        .toList();
  }

  /** Fires the poll timer and runs every job that follows: the fetch, the handling of each mail, the mails sent. */
  private void readMailbox() {
    ProcessInstance reading = poll();
    assertThat(reading).isWaitingAt(Reading.Elements.FETCH_MAILS);
    AsyncJobs.runDue(managementService, null);
    assertThat(reading).hasPassed(Reading.Elements.CHECK_EARLIER_READING, Reading.Elements.MAILS_STORED).isEnded();
  }

  /** The instance of inbound-mail that handled the newest stored mail. */
  private ProcessInstance handling() {
    long newestMail = inboundMails.list(null, 1).get(0).id();
    return new EndedInstance(
        historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Handling.KEY)
            .processInstanceBusinessKey("mail-" + newestMail).singleResult());
  }
}
