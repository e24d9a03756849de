package io.servicedelivery.migration;

import io.servicedelivery.migration.MigrationRequest.MigrationInstructionRequest;
import io.servicedelivery.migration.MigrationStatus.Failure;
import io.servicedelivery.migration.MigrationValidation.ActivityInstances;
import io.servicedelivery.migration.MigrationValidation.InstanceCheck;
import io.servicedelivery.migration.MigrationValidation.PlannedInstruction;
import io.servicedelivery.migration.MigrationValidation.RequiredVariable;
import io.servicedelivery.web.InvalidField;
import io.servicedelivery.web.InvalidParametersException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of a process from one deployed version to another with the engine's migration API: lists
 * the versions and their running instances, builds and validates the plan (equal activities mapped by id, the
 * operator's instructions for the others), tells per instance whether it can move, starts the migration as a batch
 * and reports how far it got.
 *
 * <p>Whether an instance can move is the engine's own verdict: the instances are migrated in transactions that are
 * rolled back (dry runs), and the engine's report of what stops an instance is kept. The engine does not know which variables
 * a new version needs, so the expressions of both versions are compared: a name the target version reads and the
 * source version never read, that is no Spring bean, is a required variable; an instance without it (and without a
 * value in the request's {@code variables}) cannot move.
 */
@Service
public class ProcessMigrations {

  private static final int IN_LIST_SIZE = 500;
  /** instances migrated together in one dry run */
  private static final int DRY_RUN_SIZE = 50;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationContext beans;
  private final TransactionTemplate dryRunTransaction;

  ProcessMigrations(
      RepositoryService repositoryService,
      RuntimeService runtimeService,
      ManagementService managementService,
      HistoryService historyService,
      JdbcClient jdbc,
      Clock clock,
      ApplicationContext beans,
      PlatformTransactionManager transactions) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.jdbc = jdbc;
    this.clock = clock;
    this.beans = beans;
    this.dryRunTransaction = new TransactionTemplate(transactions);
    this.dryRunTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  /** The keys of the deployed processes, alphabetically. */
  @Transactional(readOnly = true)
  public List<String> processKeys() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey)
        .sorted()
        .toList();
  }

  /** Every deployed version of the process, newest first, with its running instances. */
  @Transactional(readOnly = true)
  public List<ProcessVersion> versions(String processKey) {
    List<ProcessDefinition> definitions = definitions(processKey);
    if (definitions.isEmpty()) {
      throw new InvalidParametersException("processKey", "no process with the key '" + processKey + "' is deployed");
    }
    int latest = definitions.get(0).getVersion();
    Map<String, Deployment> deployments = new LinkedHashMap<>();
    definitions.stream().map(ProcessDefinition::getDeploymentId).distinct().forEach(deploymentId ->
        deployments.put(deploymentId,
            repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult()));
    return definitions.stream().map(definition -> version(definition, latest, deployments)).toList();
  }

  /**
   * The plan of the request, the engine's verdict on it, and each running instance of the source version checked (or
   * those of the request's {@code processInstanceIds}). Runs outside a transaction: each dry run takes its own.
   */
  public MigrationValidation validate(MigrationRequest request) {
    Versions versions = resolve(request);
    Plan plan = plan(request, versions);
    List<RequiredVariable> required = requiredVariables(versions, request);
    List<InstanceCheck> instances = new ArrayList<>();
    List<ProcessInstance> onSource = instancesOn(versions.source().processDefinitionId());
    Set<String> chosen =
        request.processInstanceIds().isEmpty()
            ? null
            : Set.copyOf(instancesToMove(request, versions.source(), onSource));
    List<ProcessInstance> checked =
        onSource.stream().filter(instance -> chosen == null || chosen.contains(instance.getId())).toList();
    Map<String, List<String>> engineReasons =
        plan.failures().isEmpty()
            ? dryRuns(checked.stream().map(ProcessInstance::getId).toList(), plan.plan())
            : Map.of();
    for (ProcessInstance instance : checked) {
      instances.add(check(instance, plan, engineReasons.getOrDefault(instance.getId(), List.of()), required));
    }
    Map<String, Long> migratablePerActivity = new LinkedHashMap<>();
    instances.stream()
        .filter(InstanceCheck::canMove)
        .flatMap(instance -> instance.activityIds().stream().distinct())
        .forEach(activityId -> migratablePerActivity.merge(activityId, 1L, Long::sum));
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(versions.source().processDefinitionId());
    Set<String> mapped =
        plan.instructions().stream().map(PlannedInstruction::sourceActivityId).collect(Collectors.toSet());
    List<ActivityInstances> activities =
        managementService.createActivityStatisticsQuery(versions.source().processDefinitionId()).list().stream()
            .sorted(Comparator.comparing(ActivityStatistics::getId))
            .map(statistics -> new ActivityInstances(
                statistics.getId(),
                nameOf(sourceModel, statistics.getId()),
                mapped.contains(statistics.getId()),
                statistics.getInstances(),
                migratablePerActivity.getOrDefault(statistics.getId(), 0L)))
            .toList();
    return new MigrationValidation(
        versions.source().processKey(),
        versions.source(),
        versions.target(),
        plan.failures().isEmpty(),
        plan.failures(),
        plan.instructions(),
        required,
        activities,
        instances,
        instances.stream().filter(InstanceCheck::canMove).count());
  }

  /**
   * Starts the migration as a batch of the engine (one job per instance; the job executor runs them). The instances
   * are the request's {@code processInstanceIds}, or all instances of the source version. An instance that a running
   * migration moves already is refused with a 409; a plan the engine refuses, or an instance not on the source
   * version, with a 400.
   */
  @Transactional
  public MigrationStatus start(MigrationRequest request, String startedBy) {
    Versions versions = resolve(request);
    Plan plan = plan(request, versions);
    if (!plan.failures().isEmpty()) {
      throw new InvalidParametersException(
          plan.failures().stream().map(failure -> new InvalidField("instructions", failure)).toList());
    }
    List<String> instanceIds =
        instancesToMove(request, versions.source(), instancesOn(versions.source().processDefinitionId()));
    releaseClaimsOfFinishedMigrations();
    refuseClaimed(instanceIds);
    Batch batch = runtimeService.newMigration(plan.plan()).processInstanceIds(instanceIds).executeAsync();
    jdbc.sql(
            """
            insert into process_migration (batch_id, process_key, source_definition_id, source_version,
              target_definition_id, target_version, instance_count, started_by, started_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .param(batch.getId())
        .param(versions.source().processKey())
        .param(versions.source().processDefinitionId())
        .param(versions.source().version())
        .param(versions.target().processDefinitionId())
        .param(versions.target().version())
        .param(instanceIds.size())
        .param(startedBy)
        .param(Timestamp.from(clock.instant()))
        .update();
    for (String instanceId : instanceIds) {
      try {
        jdbc.sql("insert into process_migration_claim (process_instance_id, batch_id) values (?, ?)")
            .param(instanceId)
            .param(batch.getId())
            .update();
      } catch (DuplicateKeyException e) {
        // another migration of the instance started at the same moment and won: this one is rolled back
        throw new MigrationConflictException(claimOf(instanceId).orElse("(just started)"), List.of(instanceId));
      }
    }
    return status(batch.getId());
  }

  /** How far the migration got; 404 for a batch id no migration had. */
  @Transactional(readOnly = true)
  public MigrationStatus status(String batchId) {
    StartedMigration started =
        jdbc.sql("select * from process_migration where batch_id = ?")
            .param(batchId)
            .query(StartedMigration::map)
            .optional()
            .orElseThrow(() -> new UnknownMigrationException(batchId));
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    if (batch != null) {
      BatchStatistics statistics = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
      List<Failure> failures =
          managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException().list()
              .stream()
              .map(job -> new Failure(job.getId(), job.getRetries(), job.getExceptionMessage()))
              .toList();
      return started.status(
          statistics.getTotalJobs(), statistics.getCompletedJobs(), statistics.getFailedJobs(),
          statistics.getRemainingJobs(), false, null, failures);
    }
    HistoricBatch ended = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (ended == null) {
      // deleted with its history (Cockpit), or its history was cleaned up (batchOperationHistoryTimeToLive): how far
      // it got is no longer known
      return started.status(started.instances(), 0, 0, 0, true, null,
          List.of(new Failure(null, 0, "The engine no longer knows this batch: it was deleted with its history, or"
              + " the history cleanup removed it. Its instances run on the version the migration left them on.")));
    }
    return started.status(
        ended.getTotalJobs(), ended.getTotalJobs(), 0, 0, true,
        ended.getEndTime() == null ? null : ended.getEndTime().toInstant(), List.of());
  }

  /** The migrations started, newest first; running ones with their progress. */
  @Transactional(readOnly = true)
  public List<MigrationStatus> migrations() {
    return jdbc.sql("select batch_id from process_migration order by started_at desc, batch_id")
        .query(String.class)
        .list()
        .stream()
        .map(this::status)
        .toList();
  }

  // ------------------------------------------------------------------------------------------------------ the plan

  private record Versions(ProcessVersion source, ProcessVersion target) {}

  private record Plan(MigrationPlan plan, List<PlannedInstruction> instructions, List<String> failures) {}

  private Versions resolve(MigrationRequest request) {
    List<ProcessDefinition> definitions = definitions(request.processKey());
    if (definitions.isEmpty()) {
      throw new InvalidParametersException(
          "processKey", "no process with the key '" + request.processKey() + "' is deployed");
    }
    int latest = definitions.get(0).getVersion();
    String known =
        definitions.stream().map(d -> String.valueOf(d.getVersion())).sorted().collect(Collectors.joining(", "));
    List<InvalidField> errors = new ArrayList<>();
    Optional<ProcessDefinition> source = withVersion(definitions, request.sourceVersion());
    Optional<ProcessDefinition> target = withVersion(definitions, request.targetVersion());
    if (source.isEmpty()) {
      errors.add(new InvalidField("sourceVersion", "no version " + request.sourceVersion() + " of "
          + request.processKey() + " is deployed (versions: " + known + ")"));
    }
    if (target.isEmpty()) {
      errors.add(new InvalidField("targetVersion", "no version " + request.targetVersion() + " of "
          + request.processKey() + " is deployed (versions: " + known + ")"));
    }
    if (request.sourceVersion().equals(request.targetVersion())) {
      errors.add(new InvalidField("targetVersion", "must differ from sourceVersion"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidParametersException(errors);
    }
    Map<String, Deployment> noDeployments = Map.of();
    return new Versions(version(source.get(), latest, noDeployments), version(target.get(), latest, noDeployments));
  }

  private Plan plan(MigrationRequest request, Versions versions) {
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(versions.source().processDefinitionId());
    BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(versions.target().processDefinitionId());
    List<InvalidField> errors = new ArrayList<>();
    for (int i = 0; i < request.instructions().size(); i++) {
      MigrationInstructionRequest instruction = request.instructions().get(i);
      if (!(sourceModel.getModelElementById(instruction.sourceActivityId()) instanceof FlowElement)) {
        errors.add(new InvalidField("instructions[" + i + "].sourceActivityId",
            "version " + versions.source().version() + " has no activity '" + instruction.sourceActivityId() + "'"));
      }
      if (!(targetModel.getModelElementById(instruction.targetActivityId()) instanceof FlowElement)) {
        errors.add(new InvalidField("instructions[" + i + "].targetActivityId",
            "version " + versions.target().version() + " has no activity '" + instruction.targetActivityId() + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidParametersException(errors);
    }
    Set<String> explicitSources =
        request.instructions().stream().map(MigrationInstructionRequest::sourceActivityId).collect(Collectors.toSet());
    // the generated instructions first, without those the operator gives an instruction of their own for
    MigrationPlan generated;
    try {
      generated =
          runtimeService
              .createMigrationPlan(versions.source().processDefinitionId(), versions.target().processDefinitionId())
              .mapEqualActivities()
              .build();
    } catch (MigrationPlanValidationException e) {
      generated = e.getValidationReport().getMigrationPlan();
    }
    MigrationPlanBuilder builder =
        runtimeService.createMigrationPlan(
            versions.source().processDefinitionId(), versions.target().processDefinitionId());
    for (MigrationInstruction instruction : generated.getInstructions()) {
      if (!explicitSources.contains(instruction.getSourceActivityId())) {
        MigrationInstructionBuilder mapping =
            builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
        builder = instruction.isUpdateEventTrigger() ? mapping.updateEventTrigger() : mapping;
      }
    }
    for (MigrationInstructionRequest instruction : request.instructions()) {
      MigrationInstructionBuilder mapping =
          builder.mapActivities(instruction.sourceActivityId(), instruction.targetActivityId());
      builder = instruction.updateEventTrigger() ? mapping.updateEventTrigger() : mapping;
    }
    if (!request.variables().isEmpty()) {
      builder = builder.setVariables(request.variables());
    }
    MigrationPlan plan;
    List<String> failures = new ArrayList<>();
    try {
      plan = builder.build();
    } catch (MigrationPlanValidationException e) {
      plan = e.getValidationReport().getMigrationPlan();
      failures.addAll(readable(e.getValidationReport(), sourceModel, targetModel));
    }
    List<PlannedInstruction> instructions =
        plan.getInstructions().stream()
            .map(instruction -> new PlannedInstruction(
                instruction.getSourceActivityId(),
                nameOf(sourceModel, instruction.getSourceActivityId()),
                instruction.getTargetActivityId(),
                nameOf(targetModel, instruction.getTargetActivityId()),
                instruction.isUpdateEventTrigger()))
            .sorted(Comparator.comparing(PlannedInstruction::sourceActivityId))
            .toList();
    return new Plan(plan, instructions, failures);
  }

  private static List<String> readable(
      MigrationPlanValidationReport report, BpmnModelInstance sourceModel, BpmnModelInstance targetModel) {
    List<String> reasons = new ArrayList<>();
    report.getInstructionReports().forEach(instructionReport -> {
      MigrationInstruction instruction = instructionReport.getMigrationInstruction();
      String mapping = "'" + nameOf(sourceModel, instruction.getSourceActivityId()) + "' ("
          + instruction.getSourceActivityId() + ") to '" + nameOf(targetModel, instruction.getTargetActivityId())
          + "' (" + instruction.getTargetActivityId() + ")";
      instructionReport.getFailures().forEach(failure -> reasons.add("Mapping " + mapping + ": " + failure));
    });
    report.getVariableReports().forEach((name, variableReport) ->
        variableReport.getFailures().forEach(failure -> reasons.add("Variable '" + name + "': " + failure)));
    return reasons;
  }

  // ------------------------------------------------------------------------------------------------- the instances

  private List<ProcessInstance> instancesOn(String processDefinitionId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionId(processDefinitionId)
        .orderByProcessInstanceId().asc().list();
  }

  private InstanceCheck check(
      ProcessInstance instance, Plan plan, List<String> engineReasons, List<RequiredVariable> required) {
    List<String> activityIds = waitingAt(instance.getId());
    List<String> reasons = new ArrayList<>();
    if (!plan.failures().isEmpty()) {
      reasons.add("The plan is not valid (see planFailures).");
    } else {
      reasons.addAll(engineReasons);
    }
    List<String> needed =
        required.stream().filter(variable -> !variable.givenByPlan()).map(RequiredVariable::name).toList();
    if (!needed.isEmpty()) {
      Set<String> present = runtimeService.getVariables(instance.getId(), needed).keySet();
      required.stream()
          .filter(variable -> !variable.givenByPlan() && !present.contains(variable.name()))
          .forEach(variable -> reasons.add("The target version reads the variable '" + variable.name() + "' (in "
              + variable.elementId() + ") that the instance does not have: give it a value in variables."));
    }
    return new InstanceCheck(instance.getId(), instance.getBusinessKey(), activityIds, reasons.isEmpty(), reasons);
  }

  /**
   * The engine's reasons against migrating each instance. The instances are migrated DRY_RUN_SIZE at a time in a
   * transaction that is rolled back; when the engine refuses one of them (it stops at the first), each of that group
   * is tried alone. So the usual case, every instance can move, costs one dry run per group.
   */
  private Map<String, List<String>> dryRuns(List<String> processInstanceIds, MigrationPlan plan) {
    Map<String, List<String>> reasons = new HashMap<>();
    for (int from = 0; from < processInstanceIds.size(); from += DRY_RUN_SIZE) {
      List<String> group = processInstanceIds.subList(from, Math.min(processInstanceIds.size(), from + DRY_RUN_SIZE));
      List<String> refused = dryRun(group, plan);
      if (refused.isEmpty()) {
        group.forEach(id -> reasons.put(id, List.of()));
      } else if (group.size() == 1) {
        reasons.put(group.get(0), refused);
      } else {
        group.forEach(id -> reasons.put(id, dryRun(List.of(id), plan)));
      }
    }
    return reasons;
  }

  /** The engine's reasons against migrating the instances: migrated in a transaction of its own that is rolled back. */
  private List<String> dryRun(List<String> processInstanceIds, MigrationPlan plan) {
    List<String> reasons = new ArrayList<>();
    dryRunTransaction.executeWithoutResult(status -> {
      status.setRollbackOnly();
      try {
        runtimeService.newMigration(plan).processInstanceIds(processInstanceIds).execute();
      } catch (MigratingProcessInstanceValidationException e) {
        reasons.addAll(readable(e.getValidationReport()));
      } catch (ProcessEngineException e) {
        reasons.add(e.getMessage());
      }
    });
    return reasons;
  }

  private static List<String> readable(MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    report.getActivityInstanceReports().forEach(activity ->
        activity.getFailures().forEach(failure -> reasons.add("At " + activity.getSourceScopeId() + ": " + failure)));
    report.getTransitionInstanceReports().forEach(transition ->
        transition.getFailures().forEach(failure ->
            reasons.add("At " + transition.getSourceScopeId() + " (about to continue): " + failure)));
    return reasons;
  }

  /** The leaves of the instance's activity tree: where it waits (an asynchronous continuation counts). */
  private List<String> waitingAt(String processInstanceId) {
    ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
    Set<String> leaves = new LinkedHashSet<>();
    if (tree != null) {
      collectLeaves(tree, leaves);
    }
    return List.copyOf(leaves);
  }

  private static void collectLeaves(ActivityInstance activity, Set<String> leaves) {
    for (TransitionInstance transition : activity.getChildTransitionInstances()) {
      leaves.add(transition.getActivityId());
    }
    if (activity.getChildActivityInstances().length == 0 && activity.getChildTransitionInstances().length == 0) {
      leaves.add(activity.getActivityId());
    }
    for (ActivityInstance child : activity.getChildActivityInstances()) {
      collectLeaves(child, leaves);
    }
  }

  private List<RequiredVariable> requiredVariables(Versions versions, MigrationRequest request) {
    Set<String> readBySource =
        VariableReferences.in(modelXml(versions.source().processDefinitionId())).keySet();
    List<RequiredVariable> required = new ArrayList<>();
    VariableReferences.in(modelXml(versions.target().processDefinitionId())).forEach((name, elementId) -> {
      if (!readBySource.contains(name) && !beans.containsBean(name)) {
        required.add(new RequiredVariable(name, elementId, request.variables().containsKey(name)));
      }
    });
    return required;
  }

  private String modelXml(String processDefinitionId) {
    try (var model = repositoryService.getProcessModel(processDefinitionId)) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("The model of " + processDefinitionId + " cannot be read", e);
    }
  }

  /** @param instances the instances running on the source version */
  private static List<String> instancesToMove(
      MigrationRequest request, ProcessVersion source, List<ProcessInstance> instances) {
    List<String> onSource = instances.stream().map(ProcessInstance::getId).toList();
    if (request.processInstanceIds().isEmpty()) {
      if (onSource.isEmpty()) {
        throw new InvalidParametersException(
            "sourceVersion", "no instance runs on version " + source.version() + " of " + source.processKey());
      }
      return onSource;
    }
    Set<String> running = Set.copyOf(onSource);
    List<InvalidField> errors = new ArrayList<>();
    for (int i = 0; i < request.processInstanceIds().size(); i++) {
      if (!running.contains(request.processInstanceIds().get(i))) {
        errors.add(new InvalidField("processInstanceIds[" + i + "]",
            "no instance with this id runs on version " + source.version() + " of " + source.processKey()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidParametersException(errors);
    }
    return List.copyOf(new LinkedHashSet<>(request.processInstanceIds()));
  }

  // ----------------------------------------------------------------------------------------------------- the claims

  /** Claims of batches the engine no longer runs (finished or deleted) are over. */
  private void releaseClaimsOfFinishedMigrations() {
    List<String> running =
        managementService.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list().stream()
            .map(Batch::getId)
            .toList();
    if (running.isEmpty()) {
      jdbc.sql("delete from process_migration_claim").update();
    } else {
      jdbc.sql("delete from process_migration_claim where batch_id not in (:running)")
          .param("running", running)
          .update();
    }
  }

  private void refuseClaimed(List<String> instanceIds) {
    for (int from = 0; from < instanceIds.size(); from += IN_LIST_SIZE) {
      List<String> chunk = instanceIds.subList(from, Math.min(instanceIds.size(), from + IN_LIST_SIZE));
      Map<String, List<String>> claimed =
          jdbc.sql("select process_instance_id, batch_id from process_migration_claim where process_instance_id in (:ids)"
                  + " order by process_instance_id")
              .param("ids", chunk)
              .query((rs, row) -> Map.entry(rs.getString("batch_id"), rs.getString("process_instance_id")))
              .list()
              .stream()
              .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                  Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
      if (!claimed.isEmpty()) {
        var first = claimed.entrySet().iterator().next();
        throw new MigrationConflictException(first.getKey(), first.getValue());
      }
    }
  }

  private Optional<String> claimOf(String instanceId) {
    return jdbc.sql("select batch_id from process_migration_claim where process_instance_id = ?")
        .param(instanceId)
        .query(String.class)
        .optional();
  }

  // ------------------------------------------------------------------------------------------------------- helpers

  private List<ProcessDefinition> definitions(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .orderByProcessDefinitionVersion().desc().list();
  }

  private static Optional<ProcessDefinition> withVersion(List<ProcessDefinition> definitions, int version) {
    return definitions.stream().filter(definition -> definition.getVersion() == version).findFirst();
  }

  private ProcessVersion version(ProcessDefinition definition, int latest, Map<String, Deployment> deployments) {
    Deployment deployment = deployments.get(definition.getDeploymentId());
    return new ProcessVersion(
        definition.getKey(),
        definition.getVersion(),
        definition.getId(),
        definition.getName(),
        deployment == null || deployment.getDeploymentTime() == null ? null
            : deployment.getDeploymentTime().toInstant(),
        definition.getVersion() == latest,
        runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count());
  }

  private static String nameOf(BpmnModelInstance model, String activityId) {
    return model.getModelElementById(activityId) instanceof FlowElement element && element.getName() != null
        ? element.getName().replace('\n', ' ')
        : activityId;
  }

  private record StartedMigration(
      String batchId, String processKey, int sourceVersion, int targetVersion, int instances, String startedBy,
      Instant startedAt) {

    static StartedMigration map(ResultSet rs, int row) throws SQLException {
      return new StartedMigration(
          rs.getString("batch_id"), rs.getString("process_key"), rs.getInt("source_version"),
          rs.getInt("target_version"), rs.getInt("instance_count"), rs.getString("started_by"),
          rs.getTimestamp("started_at").toInstant());
    }

    MigrationStatus status(
        long jobs, long done, long failed, long remaining, boolean finished, Instant endedAt,
        List<Failure> failures) {
      return new MigrationStatus(batchId, processKey, sourceVersion, targetVersion, instances, jobs, done, failed,
          remaining, finished, startedBy, startedAt, endedAt, failures);
    }
  }
}
