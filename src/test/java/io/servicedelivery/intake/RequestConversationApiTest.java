package io.servicedelivery.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.AsyncJobs;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.TestMailServer;
import io.servicedelivery.testsupport.TestMailServer.ReceivedMail;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The conversation about a request through the API: comments, work notes and attachments, who reads which, who is
 * told by mail, and the customer's view of it (the question while the request waits for them).
 */
@WebIntegrationTest
class RequestConversationApiTest {

  private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalog catalog;
  @Autowired IdentityService identityService;

  private ApiDeliveries deliveries;

  @BeforeEach
  void deliveries() {
    deliveries = new ApiDeliveries(http, taskService, catalog);
  }

  @AfterEach
  void deleteRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void theCustomersCommentReachesTheStaffAndTheAssigneeAndTheCoordinatorsAreToldByMail() {
    String requestId = plannedRequest();

    ResponseEntity<JsonNode> created =
        post("portal", requestId, "/comments", Map.of("text", "The new colleague starts on Tuesday, not Monday."));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().path("kind").asText()).isEqualTo("COMMENT");
    assertThat(created.getBody().path("visibility").asText()).isEqualTo("CUSTOMER");
    assertThat(created.getBody().path("source").asText()).isEqualTo("API");
    assertThat(created.getBody().path("author").asText()).isEqualTo("portal");
    assertThat(texts(get("staff2", requestId, "/comments").getBody()))
        .containsExactly("The new colleague starts on Tuesday, not Monday.");
    assertThat(texts(record(requestId).path("notes")))
        .containsExactly("The new colleague starts on Tuesday, not Monday.");

    AsyncJobs.runDue(managementService, null);
    List<ReceivedMail> told =
        TestMailServer.received().stream()
            .filter(mail -> mail.subject().equals("New comment from the customer on " + requestId))
            .toList();
    assertThat(told)
        .extracting(ReceivedMail::recipient)
        .contains("staff2@servicedelivery.example", "coordinator@servicedelivery.example")
        .doesNotContain("ada@customer.example");
    assertThat(told.get(0).body()).contains("The new colleague starts on Tuesday, not Monday.");
  }

  @Test
  void aWorkNoteOfTheStaffIsInTheRecordButNeverShownToTheCustomerAStaffCommentIsAndMailsTheRequester() {
    String requestId = plannedRequest();

    ResponseEntity<JsonNode> workNote =
        post("coordinator", requestId, "/comments", Map.of("text", "Customer is known to be impatient.", "internal", true));
    ResponseEntity<JsonNode> comment =
        post("coordinator", requestId, "/comments", Map.of("text", "We prepare the profile today.", "internal", false));

    assertThat(workNote.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(workNote.getBody().path("kind").asText()).isEqualTo("WORK_NOTE");
    assertThat(workNote.getBody().path("visibility").asText()).isEqualTo("INTERNAL");
    assertThat(comment.getBody().path("kind").asText()).isEqualTo("COMMENT");
    assertThat(comment.getBody().path("visibility").asText()).isEqualTo("CUSTOMER");
    assertThat(texts(get("portal", requestId, "/comments").getBody())).containsExactly("We prepare the profile today.");
    JsonNode view = get("portal", requestId, "").getBody();
    assertThat(view.path("conversation").findValuesAsText("text")).containsExactly("We prepare the profile today.");
    assertThat(view.toString()).doesNotContain("impatient");
    assertThat(texts(get("staff2", requestId, "/comments").getBody()))
        .containsExactly("Customer is known to be impatient.", "We prepare the profile today.");
    assertThat(record(requestId).path("notes").findValuesAsText("kind")).containsExactly("WORK_NOTE", "COMMENT");

    AsyncJobs.runDue(managementService, null);
    assertThat(TestMailServer.received())
        .filteredOn(mail -> mail.subject().equals("New comment on your service request " + requestId))
        .singleElement()
        .satisfies(mail -> assertThat(mail.recipient()).isEqualTo("ada@customer.example"))
        .satisfies(
            mail -> {
              assertThat(mail.body()).contains("We prepare the profile today.", "reply to this e-mail");
              assertThat(mail.body()).doesNotContain("impatient");
            });
    assertThat(TestMailServer.received()).noneMatch(mail -> mail.body().contains("impatient"));
  }

  @Test
  void aCommentOnATaskInTasklistIsAWorkNoteOfTheStaffInTheRecordAndNeverShownToTheCustomer() {
    String requestId = plannedRequest();
    Task task =
        taskService.createTaskQuery().processInstanceBusinessKey(requestId)
            .taskDefinitionKey("Task_ExecuteServiceActivities").singleResult();
    identityService.setAuthenticatedUserId("staff2");
    try {
      taskService.createComment(task.getId(), task.getProcessInstanceId(), "Called the customer's IT: VPN client 5.2.");
    } finally {
      identityService.clearAuthentication();
    }

    JsonNode notes = record(requestId).path("notes");
    assertThat(notes).singleElement().satisfies(note -> {
      assertThat(note.path("kind").asText()).isEqualTo("WORK_NOTE");
      assertThat(note.path("source").asText()).isEqualTo("TASKLIST");
      assertThat(note.path("visibility").asText()).isEqualTo("INTERNAL");
      assertThat(note.path("author").asText()).isEqualTo("staff2");
      assertThat(note.path("body").asText()).isEqualTo("Called the customer's IT: VPN client 5.2.");
    });
    assertThat(texts(get("staff2", requestId, "/comments").getBody()))
        .containsExactly("Called the customer's IT: VPN client 5.2.");
    assertThat(get("portal", requestId, "/comments").getBody()).isEmpty();
    assertThat(get("portal", requestId, "").getBody().toString()).doesNotContain("VPN client 5.2");
  }

  @Test
  void invalidCommentsAre400ProblemsNamingTheField() {
    String requestId = deliveries.submit();

    assertProblemNaming(post("portal", requestId, "/comments", Map.of("text", "x", "internal", true)), 400, "internal");
    assertProblemNaming(post("portal", requestId, "/comments", Map.of("text", " ")), 400, "text");
    assertProblemNaming(post("portal", requestId, "/comments", Map.of("text", "x".repeat(10001))), 400, "text");
    assertProblemNaming(post("portal", requestId, "/comments", Map.of("internal", false)), 400, "text");
    assertThat(post("portal", "SR-999999", "/comments", Map.of("text", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // nobody works on the request yet: to staff1 it does not exist
    assertThat(post("staff1", requestId, "/comments", Map.of("text", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("coordinator", requestId, "/comments").getBody()).isEmpty();
  }

  @Test
  void theCustomerDownloadsTheFilesMeantForThemWithTheSameBytesAndNeverAnInternalOne() {
    String requestId = plannedRequest();

    ResponseEntity<JsonNode> pdf = upload("portal", requestId, "contract.pdf", "application/pdf", PDF, null);
    ResponseEntity<JsonNode> png = upload("coordinator", requestId, "network.png", "image/png", PNG, true);

    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String pdfPath = pdf.getBody().path("download").asText();
    assertThat(pdf.getHeaders().getLocation().getPath()).isEqualTo(pdfPath);
    assertThat(pdf.getBody().path("visibility").asText()).isEqualTo("CUSTOMER");
    assertThat(pdf.getBody().path("sizeBytes").asLong()).isEqualTo(PDF.length);
    assertThat(pdf.getBody().path("sha256").asText()).hasSize(64);
    assertThat(png.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(png.getBody().path("visibility").asText()).isEqualTo("INTERNAL");
    String pngPath = png.getBody().path("download").asText();

    ResponseEntity<byte[]> download = http.withBasicAuth("portal", "portal").getForEntity(pdfPath, byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(PDF);
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("contract.pdf");
    assertThat(http.withBasicAuth("portal", "portal").getForEntity(pngPath, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("coordinator", "coordinator").getForEntity(pngPath, byte[].class).getBody())
        .isEqualTo(PNG);
    assertThat(http.withBasicAuth("portal", "portal").getForEntity(pdfPath + "0", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(get("portal", requestId, "/attachments").getBody().findValuesAsText("fileName"))
        .containsExactly("contract.pdf");
    assertThat(get("coordinator", requestId, "/attachments").getBody().findValuesAsText("fileName"))
        .containsExactly("contract.pdf", "network.png");
    JsonNode view = get("portal", requestId, "").getBody();
    assertThat(view.path("attachments").findValuesAsText("fileName")).containsExactly("contract.pdf");
    assertThat(view.path("attachments").get(0).path("download").asText()).isEqualTo(pdfPath);
    assertThat(record(requestId).path("attachments").findValuesAsText("fileName"))
        .containsExactly("contract.pdf", "network.png");
    assertThat(record(requestId).path("attachments").get(0).has("content")).isFalse();
  }

  @Test
  void filesTooLargeOfAWrongTypeOrWithoutAFileAre4xxProblemsNamingTheFile() {
    String requestId = deliveries.submit();
    byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
    byte[] executable = new byte[64];
    executable[0] = 'M';
    executable[1] = 'Z';

    assertProblemNaming(upload("portal", requestId, "big.pdf", "application/pdf", tooLarge, null), 413, "file");
    assertProblemNaming(upload("portal", requestId, "tool.exe", "application/octet-stream", executable, null), 415, "file");
    assertProblemNaming(upload("portal", requestId, "invoice.pdf", "application/pdf", executable, null), 415, "file");
    assertProblemNaming(upload("portal", requestId, "invoice.pdf", "image/png", PDF, null), 415, "file");
    assertProblemNaming(upload("portal", requestId, "empty.pdf", "application/pdf", new byte[0], null), 400, "file");
    assertProblemNaming(upload("portal", requestId, "contract.pdf", "application/pdf", PDF, true), 400, "internal");
    MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
    noFile.add("internal", "false");
    assertProblemNaming(
        http.withBasicAuth("portal", "portal")
            .postForEntity(path(requestId, "/attachments"), multipart(noFile), JsonNode.class),
        400, "file");
    assertThat(get("coordinator", requestId, "/attachments").getBody()).isEmpty();
    // a declared type of octet-stream is taken from the extension, and the content agrees
    ResponseEntity<JsonNode> guessed = upload("portal", requestId, "scan.pdf", "application/octet-stream", PDF, null);
    assertThat(guessed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(guessed.getBody().path("contentType").asText()).isEqualTo("application/pdf");
  }

  @Test
  void theCustomerViewShowsTheQuestionWhileTheRequestWaitsAndTheAnswerAfterwards() {
    String requestId = plannedRequest();
    deliveries.complete(requestId, "Task_ExecuteServiceActivities", Map.of(
        "progressStatus", "WAITING_FOR_CUSTOMER",
        "customerQuestion", "Laptop or tablet?",
        "progressReport", "Profile prepared",
        "effortHours", 0.5,
        "checklistConfirmed", new ArrayList<>(List.of())));
    AsyncJobs.runDue(managementService, null);

    JsonNode waiting = get("portal", requestId, "").getBody();
    assertThat(waiting.path("status").asText()).isEqualTo("WAITING_FOR_YOU");
    assertThat(waiting.path("question").path("text").asText()).isEqualTo("Laptop or tablet?");
    assertThat(waiting.path("question").has("askedAt")).isTrue();
    assertThat(waiting.path("conversation").findValuesAsText("kind")).containsExactly("QUESTION");
    assertThat(waiting.toString()).doesNotContain("Profile prepared");

    http.withBasicAuth("portal", "portal")
        .postForEntity(path(requestId, "/customer-response"), Map.of("answer", "The laptop"), JsonNode.class);

    JsonNode answered = get("portal", requestId, "").getBody();
    assertThat(answered.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(answered.has("question")).isFalse();
    assertThat(answered.path("conversation").findValuesAsText("text")).containsExactly("Laptop or tablet?", "The laptop");
    assertThat(record(requestId).path("notes").findValuesAsText("kind")).containsExactly("WORK_LOG", "QUESTION", "ANSWER");
  }

  /** @return a request planned and assigned to staff2 */
  private String plannedRequest() {
    String requestId = deliveries.submit();
    deliveries.complete(requestId, "Task_PlanDelivery", Map.of(
        "plannedStart", "2026-11-23T10:00+01:00",
        "plannedCompletion", "2026-11-23T12:00+01:00",
        "deliveryInstructions", "Standard profile"));
    return requestId;
  }

  private ResponseEntity<JsonNode> post(String user, String requestId, String suffix, Map<String, Object> body) {
    return http.withBasicAuth(user, user).postForEntity(path(requestId, suffix), body, JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String requestId, String suffix) {
    return http.withBasicAuth(user, user).getForEntity(path(requestId, suffix), JsonNode.class);
  }

  private JsonNode record(String requestId) {
    return get("manager", requestId, "/record").getBody();
  }

  private ResponseEntity<JsonNode> upload(
      String user, String requestId, String fileName, String contentType, byte[] content, Boolean internal) {
    HttpHeaders partHeaders = new HttpHeaders();
    partHeaders.setContentType(MediaType.parseMediaType(contentType));
    ByteArrayResource file =
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return fileName;
          }
        };
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new HttpEntity<>(file, partHeaders));
    if (internal != null) {
      parts.add("internal", internal.toString());
    }
    return http.withBasicAuth(user, user)
        .postForEntity(path(requestId, "/attachments"), multipart(parts), JsonNode.class);
  }

  private static HttpEntity<MultiValueMap<String, Object>> multipart(MultiValueMap<String, Object> parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }

  private static String path(String requestId, String suffix) {
    return "/api/service-requests/" + requestId + suffix;
  }

  private static List<String> texts(JsonNode notes) {
    return notes.findValuesAsText("body");
  }

  private static void assertProblemNaming(ResponseEntity<JsonNode> response, int status, String field) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(response.getBody().path("errors").findValuesAsText("field")).as(response.getBody().toString())
        .containsExactly(field);
  }
}
