package io.servicedelivery.migration;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.*;
import static io.servicedelivery.migration.NextServiceDeliveryVersion.CONFIRM_PLAN;
import static io.servicedelivery.migration.NextServiceDeliveryVersion.PERFORM_SERVICE_ACTIVITIES;
import static io.servicedelivery.migration.NextServiceDeliveryVersion.PLAN_REVIEWERS;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static io.servicedelivery.resourcing.ResourceAllocationProcess.Elements.REPLAN_RESOURCES;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.records.ClosedBy;
import io.servicedelivery.records.DeliveryRecordView;
import io.servicedelivery.records.DeliveryRecordViews;
import io.servicedelivery.records.DeliveryStep;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.testsupport.AbstractProcessTest;
import io.servicedelivery.testsupport.ProcessTest;
import io.servicedelivery.web.InvalidParametersException;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Requests waiting in every wait state of the current service-delivery move, as one batch, to its next version (a new
 * step after planning, a renamed task: {@link NextServiceDeliveryVersion}); their SLA timers, task due dates, records
 * and views stay as they were, and each is finished on the new version.
 */
@ProcessTest
class MigrationProcessTest extends AbstractProcessTest {

  @TestConfiguration
  static class Coverage {
    // primary: the coverage library also registers a default bean that would otherwise win. The test walks the
    // next version of service-delivery (a test deployment), not the diagrams of bpmn/: no coverage bar
    @Bean
    @Primary
    ProcessEngineCoverageProperties migrationCoverage() {
      return ProcessEngineCoverageProperties.builder()
          .excludeProcessDefinitionKeys(ResourceAllocationProcess.KEY, QualityControlProcess.KEY,
              CatalogChangeProcess.KEY, CapaProcess.KEY, NotificationProcess.KEY, ServiceDeliveryProcess.KEY)
          .build();
    }
  }

  private static final String SERVICE = "NETWORK_ACCESS";

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessMigrations migrations;
  @Autowired ServiceDeliveryRecords records;
  @Autowired DeliveryRecordViews recordViews;
  @Autowired ResourcePool resourcePool;
  @Autowired ServiceCatalog catalog;

  private String nextDeployment;

  /** Noor Network (staff2, the only one with the skill network) takes all the test's requests at once */
  @BeforeEach
  void enoughCapacity() {
    jdbc.sql("update staff_resource set capacity = 10 where user_id = 'staff2'").update();
  }

  @AfterEach
  void removeNextVersion() {
    if (nextDeployment != null) {
      repositoryService.deleteDeployment(nextDeployment, true);
    }
    jdbc.sql("update staff_resource set capacity = 2 where user_id = 'staff2'").update();
  }

  @Test
  void requestsWaitingInEveryWaitStateMoveToTheNextVersionKeepTheirTimersAndFinishThere() {
    int current = currentVersion();
    String currentDefinition = definitionOf(current);
    // one request waiting in each wait state of the current version
    String plan = submit(currentDefinition);
    String execute = planned(currentDefinition);
    String waitForCustomer = planned(currentDefinition);
    askCustomer(waitForCustomer);
    String corrective = planned(currentDefinition);
    complete(corrective, EXECUTE_SERVICE_ACTIVITIES, report("ISSUE", List.of(), "The user's laptop is at repair", 0.5));
    String verify = planned(currentDefinition);
    reportDone(verify, EXECUTE_SERVICE_ACTIVITIES);
    String confirmation = planned(currentDefinition);
    reportDone(confirmation, EXECUTE_SERVICE_ACTIVITIES);
    complete(confirmation, REVIEW_QUALITY, Map.of(QualityControlProcess.Variables.QUALITY_VERDICT, "PASSED"));
    String breach = planned(currentDefinition);
    Job breachTimer = timer(instanceOf(breach).getId(), SLA_BREACHED);
    setClock(breachTimer.getDuedate().toInstant());
    managementService.executeJob(breachTimer.getId());
    setClock(T0);
    resourcePool.setAvailable("staff2", false);
    String allocate = submit(currentDefinition);
    planDelivery(allocate);
    executeAsyncJobs();

    Map<String, String> waitingAt = new LinkedHashMap<>();
    waitingAt.put(plan, PLAN_DELIVERY);
    waitingAt.put(allocate, ALLOCATE_RESOURCES);
    waitingAt.put(execute, EXECUTE_SERVICE_ACTIVITIES);
    waitingAt.put(waitForCustomer, WAIT_FOR_CUSTOMER);
    waitingAt.put(corrective, TAKE_CORRECTIVE_ACTION);
    waitingAt.put(verify, VERIFY_COMPLETION);
    waitingAt.put(breach, HANDLE_SLA_BREACH);
    waitingAt.put(confirmation, AWAIT_CONFIRMATION);
    waitingAt.forEach((requestId, activityId) -> assertThat(instanceOf(requestId)).isWaitingAt(activityId));
    assertThat(instanceOf(breach)).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    Map<String, Map<String, Date>> timersBefore = timersOf(waitingAt.keySet());
    Map<String, Map<String, Date>> taskDueDatesBefore = taskDueDatesOf(waitingAt.keySet());
    Map<String, DeliveryRecordView> viewsBefore = recordViewsOf(waitingAt.keySet());
    assertThat(timersBefore.get(plan)).containsOnlyKeys(RESPONSE_TIME_PASSED);
    assertThat(timersBefore.get(execute))
        .containsOnlyKeys(SLA_WARNING_1_REACHED, SLA_WARNING_2_REACHED, SLA_WARNING_3_REACHED, SLA_BREACHED);
    assertThat(timersBefore.get(waitForCustomer)).containsKeys(REMINDER_DUE, NO_ANSWER_IN_TIME);
    assertThat(timersBefore.get(confirmation)).containsOnlyKeys(CONFIRMATION_PERIOD_ENDED);
    assertThat(taskDueDatesBefore.get(breach)).containsKeys(EXECUTE_SERVICE_ACTIVITIES, HANDLE_SLA_BREACH);
    waitingAt.keySet().forEach(requestId -> assertThat(records.processVersion(requestId)).contains(current));

    nextDeployment = NextServiceDeliveryVersion.deploy(repositoryService);
    int next = currentVersion();
    assertThat(next).isEqualTo(current + 1);
    assertThat(migrations.versions(ServiceDeliveryProcess.KEY))
        .filteredOn(version -> version.version() == current)
        .singleElement()
        .satisfies(version -> assertThat(version.runningInstances()).isEqualTo(8));

    MigrationValidation validation = migrations.validate(NextServiceDeliveryVersion.request(current, next));
    assertThat(validation.planValid()).isTrue();
    assertThat(validation.instructions())
        .anySatisfy(instruction -> {
          assertThat(instruction.sourceActivityId()).isEqualTo(EXECUTE_SERVICE_ACTIVITIES);
          assertThat(instruction.targetActivityId()).isEqualTo(PERFORM_SERVICE_ACTIVITIES);
        });
    assertThat(validation.requiredVariables())
        .singleElement()
        .satisfies(variable -> {
          assertThat(variable.name()).isEqualTo(PLAN_REVIEWERS);
          assertThat(variable.elementId()).isEqualTo(CONFIRM_PLAN);
          assertThat(variable.givenByPlan()).isTrue();
        });
    assertThat(validation.instances()).hasSize(8).allSatisfy(instance -> assertThat(instance.reasons()).isEmpty());
    assertThat(validation.migratable()).isEqualTo(8);
    assertThat(validation.activities())
        .extracting(MigrationValidation.ActivityInstances::activityId)
        .contains(PLAN_DELIVERY, ALLOCATE_RESOURCES, EXECUTE_SERVICE_ACTIVITIES, WAIT_FOR_CUSTOMER,
            TAKE_CORRECTIVE_ACTION, VERIFY_COMPLETION, HANDLE_SLA_BREACH, AWAIT_CONFIRMATION);
    assertThat(instanceOf(plan).getProcessDefinitionId()).as("a validation moves nothing").isEqualTo(currentDefinition);

    MigrationStatus started = migrations.start(NextServiceDeliveryVersion.request(current, next), "mia");
    assertThat(started.instances()).isEqualTo(8);
    assertThat(started.finished()).isFalse();
    assertThat(started.jobsDone()).isZero();
    assertThatThrownBy(() -> migrations.start(NextServiceDeliveryVersion.request(current, next), "mia"))
        .as("the same instances while the first migration runs")
        .isInstanceOf(MigrationConflictException.class);

    runBatch(started.batchId());

    MigrationStatus finished = migrations.status(started.batchId());
    assertThat(finished.finished()).isTrue();
    assertThat(finished.jobsDone()).isEqualTo(8);
    assertThat(finished.jobsFailed()).isZero();
    assertThat(finished.startedBy()).isEqualTo("mia");
    String nextDefinition = definitionOf(next);
    waitingAt.keySet().forEach(requestId -> {
      assertThat(instanceOf(requestId).getProcessDefinitionId()).isEqualTo(nextDefinition);
      assertThat(records.processVersion(requestId)).as("the record's version of " + requestId).contains(next);
      assertThat(runtimeService.getVariable(instanceOf(requestId).getId(), PLAN_REVIEWERS))
          .isEqualTo("service-coordinators");
    });
    assertThat(timersOf(waitingAt.keySet())).as("the timers keep their due dates").isEqualTo(timersBefore);
    Map<String, Map<String, Date>> taskDueDatesAfter = taskDueDatesOf(waitingAt.keySet());
    assertThat(taskDueDatesAfter.get(execute)).containsOnlyKeys(PERFORM_SERVICE_ACTIVITIES);
    assertThat(renamed(taskDueDatesAfter)).as("the tasks keep their due dates").isEqualTo(taskDueDatesBefore);
    Map<String, DeliveryRecordView> viewsAfter = recordViewsOf(waitingAt.keySet());
    waitingAt.keySet().forEach(requestId -> {
      assertThat(viewsAfter.get(requestId))
          .as("the record of %s as the staff see it", requestId)
          .usingRecursiveComparison()
          .ignoringFields("steps", "processVersion")
          .isEqualTo(viewsBefore.get(requestId));
      assertThat(viewsBefore.get(requestId).processVersion()).isEqualTo(current);
      assertThat(viewsAfter.get(requestId).processVersion()).isEqualTo(next);
      // the engine's history follows the migration: a step of the renamed task has its new id
      assertThat(viewsAfter.get(requestId).steps())
          .extracting(step -> step.activityId().equals(PERFORM_SERVICE_ACTIVITIES)
              ? EXECUTE_SERVICE_ACTIVITIES : step.activityId())
          .containsExactlyElementsOf(
              viewsBefore.get(requestId).steps().stream().map(DeliveryStep::activityId).toList());
    });
    assertThat(migrations.versions(ServiceDeliveryProcess.KEY))
        .extracting(ProcessVersion::version, ProcessVersion::runningInstances)
        .contains(org.assertj.core.groups.Tuple.tuple(next, 8L), org.assertj.core.groups.Tuple.tuple(current, 0L));

    // and each finishes on the new version
    resourcePool.setAvailable("staff2", true);
    planDelivery(plan);
    assertThat(instanceOf(plan)).as("the new step").isWaitingAt(CONFIRM_PLAN);
    assertThat(task(plan, CONFIRM_PLAN)).hasCandidateGroup("service-coordinators");
    complete(plan, CONFIRM_PLAN, Map.of());
    assertThat(instanceOf(plan)).isWaitingAt(PERFORM_SERVICE_ACTIVITIES);
    assertThat(task(plan, PERFORM_SERVICE_ACTIVITIES)).isAssignedTo("staff2");
    finishFromExecution(plan);

    complete(allocate, REPLAN_RESOURCES, Map.of(
        ResourceAllocationProcess.Variables.REPLAN_NOTE, "staff2 is back",
        ResourceAllocationProcess.Variables.REPLAN_DECISION, ResourceAllocationProcess.Values.REPLAN_ASSIGN,
        ResourceAllocationProcess.Variables.PREFERRED_RESOURCE, "staff2"));
    assertThat(instanceOf(allocate)).isWaitingAt(PERFORM_SERVICE_ACTIVITIES);
    finishFromExecution(allocate);

    finishFromExecution(execute);

    Job reminder = timer(instanceOf(waitForCustomer).getId(), REMINDER_DUE);
    setClock(reminder.getDuedate().toInstant());
    managementService.executeJob(reminder.getId());
    executeAsyncJobs();
    assertThat(instanceOf(waitForCustomer)).hasPassed(REMIND_CUSTOMER).isWaitingAt(WAIT_FOR_CUSTOMER);
    runtimeService.createMessageCorrelation(Messages.CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceId(instanceOf(waitForCustomer).getId())
        .setVariable(Variables.CUSTOMER_RESPONSE, "The company laptop")
        .correlateWithResult();
    assertThat(instanceOf(waitForCustomer)).isWaitingAt(PERFORM_SERVICE_ACTIVITIES);
    finishFromExecution(waitForCustomer);

    complete(corrective, TAKE_CORRECTIVE_ACTION,
        Map.of(Variables.CORRECTIVE_ACTION, "Lent a laptop", Variables.CORRECTIVE_OUTCOME, "RESOLVED"));
    assertThat(instanceOf(corrective)).isWaitingAt(VERIFY_COMPLETION);
    finishFromReview(corrective);

    finishFromReview(verify);

    complete(breach, HANDLE_SLA_BREACH, Map.of(
        Variables.BREACH_CAUSE, "SUPPLIER_DELAY",
        Variables.BREACH_ANALYSIS, "The firewall vendor needed two days",
        Variables.PREVENTIVE_ACTION, "Pre-approved firewall change template"));
    finishFromExecution(breach);

    Job confirmationTimer = timer(instanceOf(confirmation).getId(), CONFIRMATION_PERIOD_ENDED);
    setClock(confirmationTimer.getDuedate().toInstant());
    managementService.executeJob(confirmationTimer.getId());
    executeAsyncJobs();
    assertThat(records.get(confirmation).closedBy()).isEqualTo(ClosedBy.NO_OBJECTION);

    waitingAt.keySet().forEach(requestId -> {
      assertThat(records.get(requestId).outcome()).as(requestId).isEqualTo(RequestOutcome.CLOSED);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
          .processDefinitionKey(ServiceDeliveryProcess.KEY).count()).as(requestId + " ended").isZero();
    });
  }

  @Test
  void theValidationSaysWhichInstancesCannotMoveAndWhy() {
    int current = currentVersion();
    String currentDefinition = definitionOf(current);
    String plan = submit(currentDefinition);
    String execute = planned(currentDefinition);
    nextDeployment = NextServiceDeliveryVersion.deploy(repositoryService);
    int next = currentVersion();

    // without the instruction for the renamed task and without the new variable
    MigrationValidation validation =
        migrations.validate(new MigrationRequest(ServiceDeliveryProcess.KEY, current, next, List.of(), Map.of(),
            List.of()));

    assertThat(validation.planValid()).as("the plan maps what it can").isTrue();
    assertThat(validation.requiredVariables())
        .singleElement()
        .satisfies(variable -> assertThat(variable.givenByPlan()).isFalse());
    assertThat(validation.instances())
        .filteredOn(instance -> instance.businessKey().equals(execute))
        .singleElement()
        .satisfies(instance -> {
          assertThat(instance.canMove()).isFalse();
          assertThat(instance.activityIds()).contains(EXECUTE_SERVICE_ACTIVITIES);
          assertThat(instance.reasons())
              .anySatisfy(reason -> assertThat(reason).contains(EXECUTE_SERVICE_ACTIVITIES).contains("no migration instruction"))
              .anySatisfy(reason -> assertThat(reason).contains("'" + PLAN_REVIEWERS + "'"));
        });
    assertThat(validation.instances())
        .filteredOn(instance -> instance.businessKey().equals(plan))
        .singleElement()
        .satisfies(instance -> assertThat(instance.reasons()).singleElement().asString().contains(PLAN_REVIEWERS));
    assertThat(validation.activities())
        .filteredOn(activity -> activity.activityId().equals(EXECUTE_SERVICE_ACTIVITIES))
        .singleElement()
        .satisfies(activity -> {
          assertThat(activity.mapped()).isFalse();
          assertThat(activity.instances()).isEqualTo(1);
          assertThat(activity.migratable()).isZero();
        });
    assertThat(validation.migratable()).isZero();

    // an instruction the engine refuses: a user task onto the event-based gateway
    MigrationValidation refused =
        migrations.validate(new MigrationRequest(ServiceDeliveryProcess.KEY, current, next,
            List.of(new MigrationRequest.MigrationInstructionRequest(EXECUTE_SERVICE_ACTIVITIES, AWAIT_CONFIRMATION,
                false)),
            NextServiceDeliveryVersion.variables(), List.of()));
    assertThat(refused.planValid()).isFalse();
    assertThat(refused.planFailures())
        .anySatisfy(failure -> assertThat(failure).contains(EXECUTE_SERVICE_ACTIVITIES, AWAIT_CONFIRMATION));
    assertThatThrownBy(() -> migrations.start(new MigrationRequest(ServiceDeliveryProcess.KEY, current, next,
            refused.instructions().stream().filter(i -> i.sourceActivityId().equals(EXECUTE_SERVICE_ACTIVITIES))
                .map(i -> new MigrationRequest.MigrationInstructionRequest(i.sourceActivityId(), i.targetActivityId(),
                    false))
                .toList(),
            Map.of(), List.of()), "mia"))
        .isInstanceOf(InvalidParametersException.class);
    assertThat(instanceOf(execute).getProcessDefinitionId()).isEqualTo(currentDefinition);
  }

  @Test
  void anInstanceThatCannotMoveFailsItsJobWithTheReasonAndTheOthersMove() {
    int current = currentVersion();
    String currentDefinition = definitionOf(current);
    String plan = submit(currentDefinition);
    String execute = planned(currentDefinition);
    nextDeployment = NextServiceDeliveryVersion.deploy(repositoryService);
    int next = currentVersion();

    MigrationStatus started =
        migrations.start(new MigrationRequest(ServiceDeliveryProcess.KEY, current, next, List.of(),
            NextServiceDeliveryVersion.variables(), List.of()), "mia");
    Batch batch = managementService.createBatchQuery().batchId(started.batchId()).singleResult();
    managementService.executeJob(jobOf(batch.getSeedJobDefinitionId()).getId());
    for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          managementService.executeJob(job.getId());
          break;
        } catch (RuntimeException failed) {
          // the job executor would retry it; after the last retry an incident waits
        }
      }
    }

    MigrationStatus status = migrations.status(started.batchId());
    assertThat(status.finished()).isFalse();
    assertThat(status.jobs()).isEqualTo(2);
    assertThat(status.jobsDone()).isEqualTo(1);
    assertThat(status.jobsFailed()).isEqualTo(1);
    assertThat(status.failures())
        .singleElement()
        .satisfies(failure -> {
          assertThat(failure.retriesLeft()).isZero();
          assertThat(failure.message()).contains(instanceOf(execute).getId());
        });
    assertThat(instanceOf(plan).getProcessDefinitionId()).isEqualTo(definitionOf(next));
    assertThat(instanceOf(execute).getProcessDefinitionId()).isEqualTo(currentDefinition);
    assertThat(migrations.migrations()).extracting(MigrationStatus::batchId).contains(started.batchId());
  }

  // ---------------------------------------------------------------------------------------------------- helpers

  private int currentVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
        .latestVersion().singleResult().getVersion();
  }

  private String definitionOf(int version) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
        .processDefinitionVersion(version).singleResult().getId();
  }

  private String submit(String definitionId) {
    String requestId = formService.submitStartForm(definitionId, vpnRequest()).getBusinessKey();
    executeAsyncJobs();
    return requestId;
  }

  private String planned(String definitionId) {
    String requestId = submit(definitionId);
    planDelivery(requestId);
    assertThat(instanceOf(requestId)).isWaitingAt(EXECUTE_SERVICE_ACTIVITIES);
    return requestId;
  }

  private ProcessInstance instanceOf(String requestId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
        .processDefinitionKey(ServiceDeliveryProcess.KEY).singleResult();
  }

  private void askCustomer(String requestId) {
    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, Map.of(
        QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(List.of()),
        Variables.PROGRESS_STATUS, "WAITING_FOR_CUSTOMER",
        Variables.PROGRESS_REPORT, "Prepared the VPN profile",
        Variables.CUSTOMER_QUESTION, "Which device will your colleague use?",
        Variables.EFFORT_HOURS, 0.5));
    executeAsyncJobs();
  }

  private void reportDone(String requestId, String taskId) {
    complete(requestId, taskId, report("DONE", catalog.get(SERVICE).checklist(), "VPN profile deployed", 1.5));
  }

  private static Map<String, Object> report(String status, List<String> confirmed, String report, double effort) {
    return Map.of(
        QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(confirmed),
        Variables.PROGRESS_STATUS, status,
        Variables.PROGRESS_REPORT, report,
        Variables.EFFORT_HOURS, effort);
  }

  private void finishFromExecution(String requestId) {
    reportDone(requestId, PERFORM_SERVICE_ACTIVITIES);
    finishFromReview(requestId);
  }

  private void finishFromReview(String requestId) {
    complete(requestId, REVIEW_QUALITY, Map.of(QualityControlProcess.Variables.QUALITY_VERDICT, "PASSED"));
    executeAsyncJobs();
    assertThat(instanceOf(requestId)).isWaitingAt(AWAIT_CONFIRMATION);
    confirmDelivery(requestId);
    executeAsyncJobs();
  }

  /** Per request: the due date of each timer of its instance and the instances it called, by activity. */
  private Map<String, Map<String, Date>> timersOf(Iterable<String> requestIds) {
    Map<String, Map<String, Date>> timers = new HashMap<>();
    for (String requestId : requestIds) {
      timers.put(requestId, managementService.createJobQuery().processInstanceId(instanceOf(requestId).getId())
          .timers().list().stream()
          .collect(Collectors.toMap(this::activityOf, Job::getDuedate, (a, b) -> a, TreeMap::new)));
    }
    return timers;
  }

  /** Per request: the due date of each open task of the request (called processes included), by task key. */
  private Map<String, Map<String, Date>> taskDueDatesOf(Iterable<String> requestIds) {
    Map<String, Map<String, Date>> dueDates = new HashMap<>();
    for (String requestId : requestIds) {
      dueDates.put(requestId, taskService.createTaskQuery().processInstanceBusinessKey(requestId).list().stream()
          .collect(Collectors.toMap(Task::getTaskDefinitionKey, Task::getDueDate, (a, b) -> a, TreeMap::new)));
    }
    return dueDates;
  }

  /** The due dates after the migration, with the renamed task under its old key. */
  private static Map<String, Map<String, Date>> renamed(Map<String, Map<String, Date>> dueDates) {
    Map<String, Map<String, Date>> renamed = new HashMap<>();
    dueDates.forEach((requestId, tasks) -> {
      Map<String, Date> byOldKey = new TreeMap<>();
      tasks.forEach((key, due) ->
          byOldKey.put(key.equals(PERFORM_SERVICE_ACTIVITIES) ? EXECUTE_SERVICE_ACTIVITIES : key, due));
      renamed.put(requestId, byOldKey);
    });
    return renamed;
  }

  private Map<String, DeliveryRecordView> recordViewsOf(Iterable<String> requestIds) {
    Map<String, DeliveryRecordView> views = new HashMap<>();
    requestIds.forEach(requestId -> views.put(requestId, recordViews.find(requestId).orElseThrow()));
    return views;
  }

  private String activityOf(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  private Job jobOf(String jobDefinitionId) {
    return managementService.createJobQuery().jobDefinitionId(jobDefinitionId).singleResult();
  }

  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    Job seed = jobOf(batch.getSeedJobDefinitionId());
    managementService.executeJob(seed.getId());
    List<Job> migrationJobs = managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list();
    assertThat(migrationJobs).as("one job per instance").hasSize(8);
    migrationJobs.forEach(job -> managementService.executeJob(job.getId()));
    MigrationStatus allDone = migrations.status(batchId);
    assertThat(allDone.jobsDone()).isEqualTo(8);
    assertThat(allDone.finished()).as("until the monitor job sees it").isFalse();
    Job monitor = jobOf(batch.getMonitorJobDefinitionId());
    managementService.executeJob(monitor.getId());
  }
}
