package io.servicedelivery.metrics;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_BREACHED;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of the dashboard's process map, per activity of the service-delivery process (all its versions), read
 * from the engine's history and runtime:
 *
 * <ul>
 *   <li><b>durations</b>: average and 90th percentile (nearest rank) of the activity instances that finished in the
 *       period, cancelled ones left out;
 *   <li><b>waiting</b>: requests at the activity now (its unfinished instances; the delivery sub-process, which only
 *       contains the places where work waits, is not a place of its own);
 *   <li><b>SLA breaches</b>: for every resolution SLA breach in the period (the {@code BoundaryEvent_SlaBreached}
 *       timer fired), the activity the request was at when it fired: started before the breach and not finished
 *       before it;
 *   <li><b>reworks</b>: quality reviews that failed in the period and sent the work back, on <i>Register rework</i>,
 *       counted as the record counts them;
 *   <li><b>repeated passes</b>: passes through a task or call activity in the period that were not the request's first
 *       there, for whatever reason (see {@link ActivityPasses}).
 * </ul>
 *
 * The period is half-open, {@code [from, to)}. Each answer is read in one read-only transaction, so the engine's
 * queries and the application's take one connection, one after the other.
 */
@Service
public class ProcessMapStatistics {

  /** activity types that contain the places where requests wait, rather than being one */
  private static final Set<String> CONTAINERS = Set.of("subProcess", "multiInstanceBody");

  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final ServiceDeliveryRecords records;
  private final ServiceCatalog catalog;
  private final ActivityPasses passes;

  ProcessMapStatistics(
      RepositoryService repositoryService,
      HistoryService historyService,
      RuntimeService runtimeService,
      ServiceDeliveryRecords records,
      ServiceCatalog catalog,
      ActivityPasses passes) {
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.records = records;
    this.catalog = catalog;
    this.passes = passes;
  }

  /** The BPMN XML of the latest service-delivery definition, the diagram the numbers are drawn on. */
  @Transactional(readOnly = true)
  public String diagram() {
    ProcessDefinition latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion()
            .singleResult();
    try (InputStream xml = repositoryService.getProcessModel(latest.getId())) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The numbers of every activity that has any, ordered by activity id. */
  @Transactional(readOnly = true)
  public List<ActivityStatistics> activities(Instant from, Instant to) {
    Map<String, List<Long>> durations = new TreeMap<>();
    Map<String, Long> waiting = new TreeMap<>();
    Map<String, Long> breaches = new TreeMap<>();
    for (String definitionId : definitionIds()) {
      historyService
          .createHistoricActivityInstanceQuery()
          .processDefinitionId(definitionId)
          .finished()
          .finishedAfter(Date.from(from))
          .finishedBefore(Date.from(to))
          .list()
          .stream()
          .filter(instance -> !instance.isCanceled() && within(instance.getEndTime(), from, to))
          .forEach(instance ->
              durations.computeIfAbsent(instance.getActivityId(), id -> new ArrayList<>())
                  .add(instance.getDurationInMillis()));
      unfinished(definitionId, null)
          .forEach(instance -> waiting.merge(instance.getActivityId(), 1L, Long::sum));
      historyService
          .createHistoricActivityInstanceQuery()
          .processDefinitionId(definitionId)
          .activityId(SLA_BREACHED)
          .list()
          .stream()
          .filter(breach -> within(breach.getStartTime(), from, to))
          .forEach(breach ->
              activityAt(breach.getProcessInstanceId(), breach.getStartTime())
                  .forEach(activityId -> breaches.merge(activityId, 1L, Long::sum)));
    }
    Map<String, Long> reworks = passes.reworks(from, to);
    Map<String, Long> repeated = passes.repeated(from, to);

    Set<String> activityIds = new TreeSet<>();
    activityIds.addAll(durations.keySet());
    activityIds.addAll(waiting.keySet());
    activityIds.addAll(breaches.keySet());
    activityIds.addAll(reworks.keySet());
    activityIds.addAll(repeated.keySet());
    return activityIds.stream()
        .map(activityId -> {
          List<Long> finished = durations.getOrDefault(activityId, List.of());
          return new ActivityStatistics(
              activityId,
              finished.size(),
              finished.isEmpty() ? null : Math.round(finished.stream().mapToLong(Long::longValue).average().orElse(0)),
              percentile90(finished),
              waiting.getOrDefault(activityId, 0L),
              breaches.getOrDefault(activityId, 0L),
              reworks.getOrDefault(activityId, 0L),
              repeated.getOrDefault(activityId, 0L));
        })
        .toList();
  }

  /** The requests waiting at the activity now, longest waiting first. */
  @Transactional(readOnly = true)
  public List<WaitingRequest> waitingAt(String activityId) {
    List<HistoricActivityInstance> instances = new ArrayList<>();
    definitionIds().forEach(definitionId -> instances.addAll(unfinished(definitionId, activityId)));
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, String> businessKeys =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(instances.stream().map(HistoricActivityInstance::getProcessInstanceId)
                .collect(Collectors.toSet()))
            .list()
            .stream()
            .filter(instance -> instance.getBusinessKey() != null)
            .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
    Map<String, ServiceDeliveryRecord> recordsById = records.findAll(businessKeys.values());
    Map<String, Object> slaStates = slaStates(businessKeys.keySet());
    return instances.stream()
        .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime)
            .thenComparing(HistoricActivityInstance::getProcessInstanceId))
        .map(instance -> {
          String requestId = businessKeys.get(instance.getProcessInstanceId());
          return waitingRequest(instance, requestId, Optional.ofNullable(recordsById.get(requestId)),
              slaStates.get(instance.getProcessInstanceId()));
        })
        .toList();
  }

  /**
   * The SLA state of each process instance that has one, in one query; an instance that ended meanwhile has none (one
   * read per instance failed for it).
   */
  private Map<String, Object> slaStates(Set<String> processInstanceIds) {
    Map<String, Object> states = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return states;
    }
    runtimeService
        .createVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
        .variableName(Variables.SLA_STATE)
        .disableCustomObjectDeserialization()
        .list()
        .stream()
        .filter(variable -> variable.getProcessInstanceId().equals(variable.getExecutionId()))
        .forEach(variable -> states.put(variable.getProcessInstanceId(), variable.getValue()));
    return states;
  }

  private WaitingRequest waitingRequest(
      HistoricActivityInstance instance, String requestId, Optional<ServiceDeliveryRecord> record, Object slaState) {
    String serviceCode = record.map(ServiceDeliveryRecord::serviceCode).orElse(null);
    String serviceName =
        serviceCode == null ? null : catalog.find(serviceCode).map(ServiceDefinition::name).orElse(serviceCode);
    String assignee =
        instance.getAssignee() != null
            ? instance.getAssignee()
            : record.map(ServiceDeliveryRecord::assignedTo).orElse(null);
    return new WaitingRequest(
        requestId,
        record.map(ServiceDeliveryRecord::title).orElse(null),
        serviceCode,
        serviceName,
        instance.getStartTime().toInstant(),
        assignee,
        slaState == null ? null : slaState.toString());
  }

  private List<String> definitionIds() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY).list().stream()
        .map(ProcessDefinition::getId)
        .toList();
  }

  private List<HistoricActivityInstance> unfinished(String definitionId, String activityId) {
    var query = historyService.createHistoricActivityInstanceQuery().processDefinitionId(definitionId).unfinished();
    if (activityId != null) {
      query.activityId(activityId);
    }
    return query.list().stream().filter(instance -> !CONTAINERS.contains(instance.getActivityType())).toList();
  }

  /** The activities a request was at when its SLA was breached: started before the breach, not finished before it. */
  private List<String> activityAt(String processInstanceId, Date breachedAt) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .filter(instance -> !CONTAINERS.contains(instance.getActivityType()))
        .filter(instance -> instance.getStartTime().before(breachedAt))
        .filter(instance -> instance.getEndTime() == null || !instance.getEndTime().before(breachedAt))
        .map(HistoricActivityInstance::getActivityId)
        .distinct()
        .toList();
  }

  private static boolean within(Date moment, Instant from, Instant to) {
    Instant instant = moment.toInstant();
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  private static Long percentile90(List<Long> durations) {
    if (durations.isEmpty()) {
      return null;
    }
    List<Long> sorted = durations.stream().sorted().toList();
    int rank = (int) Math.ceil(0.9 * sorted.size());
    return sorted.get(rank - 1);
  }
}
