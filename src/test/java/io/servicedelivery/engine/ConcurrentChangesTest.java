package io.servicedelivery.engine;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.RESPONSE_TIME_PASSED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.intake.ApiRequests;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People, clients and the process's own jobs acting on the same requests at the same moment, with the job executor
 * running: a person's call never fails because a job of the request ran at that moment, and two people changing the
 * same thing get one success and one 409 problem that says to reload, never a 500. The shared web context runs no job
 * executor (and {@code /engine-rest} serves the engine named "default", so a context of its own cannot have one):
 * this test starts the engine's job executor itself, as the application runs it, and stops it afterwards.
 */
@WebIntegrationTest
class ConcurrentChangesTest {

  private static final Map<String, Object> PLAN =
      Map.of(
          "plannedStart", "2026-11-23T10:00+01:00",
          "plannedCompletion", "2026-11-23T12:00+01:00",
          "deliveryInstructions", "Standard profile");

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine processEngine;
  @Autowired CamundaBpmProperties properties;

  private final ExecutorService callers = Executors.newFixedThreadPool(16);
  private JobExecutor jobExecutor;

  @BeforeEach
  void startJobExecutor() {
    jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
    jobExecutor.setWaitTimeInMillis(properties.getJobExecution().getWaitTimeInMillis());
    jobExecutor.setMaxWait(properties.getJobExecution().getMaxWait());
    jobExecutor.start();
  }

  @AfterEach
  void cleanUp() throws InterruptedException {
    callers.shutdownNow();
    callers.awaitTermination(30, TimeUnit.SECONDS);
    jobExecutor.shutdown();
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void tasksCompletedWhileTheRequestsOwnJobsRunAreSaved() throws Exception {
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      requests.add(submit());
    }
    // right after intake: the acknowledgements are being sent, and each request's response timer comes due now,
    // so that the job executor escalates late planning while the coordinators plan
    List<Future<ResponseEntity<String>>> completions = new ArrayList<>();
    for (String requestId : requests) {
      String instanceId =
          runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId).singleResult().getId();
      Job responseTimer =
          managementService.createJobQuery().processInstanceId(instanceId).activityId(RESPONSE_TIME_PASSED)
              .singleResult();
      managementService.setJobDuedate(responseTimer.getId(), new Date(System.currentTimeMillis() - 1000));
      Task plan = openTask(requestId, PLAN_DELIVERY);
      completions.add(
          callers.submit(
              () -> {
                Thread.sleep(ThreadLocalRandom.current().nextInt(900));
                return completeOverEngineRest("coordinator", plan.getId(), PLAN);
              }));
    }

    for (Future<ResponseEntity<String>> completion : completions) {
      ResponseEntity<String> response = completion.get(60, TimeUnit.SECONDS);
      assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    for (String requestId : requests) {
      assertThat(completedTasks(requestId, PLAN_DELIVERY)).as("Plan delivery of %s", requestId).isEqualTo(1);
      assertThat(openTask(requestId, PLAN_DELIVERY)).isNull();
    }
    awaitNoJobsLeft();
    assertThat(runtimeService.createIncidentQuery().count()).as("incidents").isZero();
    for (String requestId : requests) {
      assertThat(sentMails(requestId, "REQUEST_ACKNOWLEDGED")).as("acknowledgements of %s", requestId).isEqualTo(1);
    }
  }

  @Test
  void twoPeopleCompletingTheSameTaskAtOnceOverTheEngineRestApiGetOneSuccessAndOneConflict() throws Exception {
    for (int round = 0; round < Integer.getInteger("rounds", 8); round++) {
      String requestId = submit();
      Task plan = openTask(requestId, PLAN_DELIVERY);

      List<ResponseEntity<String>> answers =
          atOnce(
              () -> completeOverEngineRest("coordinator", plan.getId(), PLAN),
              () -> completeOverEngineRest("demo", plan.getId(), PLAN));

      assertThat(answers).extracting(ResponseEntity::getStatusCode).as("%s", answers)
          .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
      ResponseEntity<String> conflict =
          answers.stream().filter(answer -> answer.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
      assertThat(conflict.getHeaders().getContentType()).hasToString("application/problem+json");
      assertThat(conflict.getBody()).contains("\"status\":409").contains("Reload");
      assertThat(completedTasks(requestId, PLAN_DELIVERY)).isEqualTo(1);
      assertThat(openTask(requestId, PLAN_DELIVERY)).isNull();
    }
  }

  @Test
  void aTaskCompletedASecondTimeIsAConflictNamingWhoCompletedIt() {
    String requestId = submit();
    Task plan = openTask(requestId, PLAN_DELIVERY);
    assertThat(completeOverEngineRest("coordinator", plan.getId(), PLAN).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> again = completeOverEngineRest("demo", plan.getId(), PLAN);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("no longer open").contains("completed").contains("by coordinator");
    assertThat(completeOverEngineRest("demo", "no-such-task", PLAN).getStatusCode())
        .as("a task that never existed is not a conflict")
        .isNotEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void twoCancellationsOfTheSameRequestAtOnceOverTheApiGetOneSuccessAndOneConflict() throws Exception {
    for (int round = 0; round < Integer.getInteger("rounds", 8); round++) {
      String requestId = submit();

      List<ResponseEntity<String>> answers =
          atOnce(
              () -> postOverApi("portal", "/api/service-requests/" + requestId + "/cancellation",
                  Map.of("reason", "Not needed any more")),
              () -> postOverApi("coordinator", "/api/service-requests/" + requestId + "/cancellation",
                  Map.of("reason", "Customer called")));

      assertThat(answers).extracting(ResponseEntity::getStatusCode).as("%s", answers)
          .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
      ResponseEntity<String> conflict =
          answers.stream().filter(answer -> answer.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
      assertThat(conflict.getHeaders().getContentType()).hasToString("application/problem+json");
      assertThat(conflict.getBody()).contains("\"status\":409").contains(requestId);
    }
  }

  @Test
  void twoAnswersToTheSameQuestionAtOnceOverTheApiGetOneSuccessAndOneConflict() throws Exception {
    // every round reserves a staff member until the request ends: room for all of them
    List<Map.Entry<String, Integer>> capacities =
        jdbc.sql("select user_id, capacity from staff_resource")
            .query((rs, row) -> Map.entry(rs.getString("user_id"), rs.getInt("capacity")))
            .list();
    jdbc.sql("update staff_resource set capacity = 1000").update();
    try {
      answerTwiceAtOnce();
    } finally {
      capacities.forEach(
          entry ->
              jdbc.sql("update staff_resource set capacity = ? where user_id = ?")
                  .params(entry.getValue(), entry.getKey())
                  .update());
    }
  }

  private void answerTwiceAtOnce() throws Exception {
    for (int round = 0; round < Integer.getInteger("rounds", 4); round++) {
      String requestId = submit();
      assertThat(completeOverEngineRest("coordinator", openTask(requestId, PLAN_DELIVERY).getId(), PLAN)
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      Task execute = openTask(requestId, EXECUTE_SERVICE_ACTIVITIES);
      assertThat(completeOverEngineRest(execute.getAssignee(), execute.getId(), Map.of(
          "progressStatus", "WAITING_FOR_CUSTOMER", "customerQuestion", "Laptop or tablet?",
          "progressReport", "Profile prepared", "effortHours", 0.5)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

      List<ResponseEntity<String>> answers =
          atOnce(
              () -> postOverApi("portal", "/api/service-requests/" + requestId + "/customer-response",
                  Map.of("answer", "The laptop")),
              () -> postOverApi("coordinator", "/api/service-requests/" + requestId + "/customer-response",
                  Map.of("answer", "A tablet, the customer said on the phone")));

      assertThat(answers).extracting(ResponseEntity::getStatusCode).as("%s", answers)
          .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
      ResponseEntity<String> conflict =
          answers.stream().filter(answer -> answer.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
      assertThat(conflict.getHeaders().getContentType()).hasToString("application/problem+json");
      assertThat(openTask(requestId, EXECUTE_SERVICE_ACTIVITIES)).as("back with the staff member").isNotNull();
    }
  }

  // ------------------------------------------------------------------------------------------ helpers

  private String submit() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    return http.withBasicAuth("portal", "portal")
        .postForObject(
            "/api/service-requests", new HttpEntity<>(ApiRequests.vpnRequest(null), headers), JsonNode.class)
        .path("requestId")
        .asText();
  }

  private ResponseEntity<String> completeOverEngineRest(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user)
        .exchange(
            "/engine-rest/task/" + taskId + "/complete",
            HttpMethod.POST,
            new HttpEntity<>(Map.of("variables", variables), headers),
            String.class);
  }

  private ResponseEntity<String> postOverApi(String user, String path, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  /** Both calls leave together: each waits until the other is ready. */
  @SafeVarargs
  private List<ResponseEntity<String>> atOnce(Supplier<ResponseEntity<String>>... calls) throws Exception {
    CountDownLatch ready = new CountDownLatch(calls.length);
    List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
    for (Supplier<ResponseEntity<String>> call : calls) {
      futures.add(
          callers.submit(
              () -> {
                ready.countDown();
                ready.await();
                return call.get();
              }));
    }
    List<ResponseEntity<String>> answers = new ArrayList<>();
    for (Future<ResponseEntity<String>> future : futures) {
      answers.add(future.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  private Task openTask(String requestId, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  private long completedTasks(String requestId, String taskDefinitionKey) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(requestId)
        .taskDefinitionKey(taskDefinitionKey).taskDeleteReason("completed").count();
  }

  private long sentMails(String requestId, String type) {
    return jdbc.sql("select count(*) from notification_mail where request_id = ? and type = ? and sent_at is not null")
        .params(requestId, type)
        .query(Long.class)
        .single();
  }

  private void awaitNoJobsLeft() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!processJobsLeft().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(processJobsLeft()).as("jobs left").isEmpty();
  }

  /** Due jobs of process instances; the history cleanup job, due every night, is no process's. */
  private List<Job> processJobsLeft() {
    return managementService.createJobQuery().executable().list().stream()
        .filter(job -> job.getProcessInstanceId() != null)
        .toList();
  }
}
