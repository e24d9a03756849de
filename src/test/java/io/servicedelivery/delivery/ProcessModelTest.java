package io.servicedelivery.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.catalog.CatalogChangeProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.sla.SlaState;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Keeps every diagram in {@code bpmn/} complete for Modeler, Cockpit and Tasklist: drawn, staffed, with forms and
 * delegates that exist, a history time to live, and messages and errors that something handles.
 */
@WebIntegrationTest
class ProcessModelTest {

  private static final Path BPMN = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{(\\w+)}$");

  @Autowired ApplicationContext applicationContext;

  static Stream<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(BPMN)) {
      List<Path> bpmn = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(bpmn).isNotEmpty();
      return bpmn.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyElementIsDrawn(Path diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    Set<String> shapes = drawn(model, BpmnShape.class, shape -> shape.getBpmnElement());
    Set<String> edges = drawn(model, BpmnEdge.class, edge -> edge.getBpmnElement());

    assertThat(ids(model, FlowNode.class)).as("flow nodes without a shape").isSubsetOf(shapes);
    assertThat(ids(model, Lane.class)).as("lanes without a shape").isSubsetOf(shapes);
    assertThat(ids(model, SequenceFlow.class)).as("sequence flows without an edge").isSubsetOf(edges);
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyProcessIsExecutableWithAHistoryTimeToLive(Path diagram) {
    for (Process process : Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(Process.class)) {
      assertThat(process.isExecutable()).as(process.getId()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString())
          .as(process.getId() + " history time to live")
          .isNotBlank();
      assertThat(diagram.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyUserTaskHasItsPeopleAFormThatExistsAndADueDate(Path diagram) throws IOException {
    Set<String> forms = formIds();
    for (UserTask task : Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(UserTask.class)) {
      String candidateGroups = task.getCamundaCandidateGroups();
      assertThat(candidateGroups != null || task.getCamundaAssignee() != null)
          .as(task.getId() + " has candidate groups or an assignee")
          .isTrue();
      if (candidateGroups != null) {
        assertThat(Arrays.asList(candidateGroups.split("\\s*,\\s*"))).as(task.getId()).isSubsetOf(Groups.ALL);
      }
      assertThat(task.getCamundaFormRef()).as(task.getId() + " form").isIn(forms);
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void startFormsExist(Path diagram) throws IOException {
    Set<String> forms = formIds();
    for (StartEvent start : Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertThat(start.getCamundaFormRef()).as(start.getId()).isIn(forms);
        assertThat(start.getCamundaFormRefBinding()).as(start.getId()).isEqualTo("deployment");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyDelegateExpressionNamesAnExistingBean(Path diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    Map<String, String> delegates =
        Stream.concat(
                model.getModelElementsByType(ServiceTask.class).stream()
                    .map(task -> Map.entry(task.getId(), String.valueOf(task.getCamundaDelegateExpression()))),
                model.getModelElementsByType(SendTask.class).stream()
                    .map(task -> Map.entry(task.getId(), String.valueOf(task.getCamundaDelegateExpression()))))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    delegates.forEach(
        (taskId, expression) -> {
          Matcher bean = BEAN_EXPRESSION.matcher(expression);
          assertThat(bean.matches()).as(taskId + " uses delegateExpression=\"${bean}\", not " + expression).isTrue();
          assertThat(applicationContext.containsBean(bean.group(1))).as(taskId + ": bean " + bean.group(1)).isTrue();
        });
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyTaskListenerAndMessageThrowNamesAnExistingBean(Path diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    Stream.concat(
            model.getModelElementsByType(CamundaTaskListener.class).stream()
                .map(CamundaTaskListener::getCamundaDelegateExpression),
            model.getModelElementsByType(MessageEventDefinition.class).stream()
                .map(MessageEventDefinition::getCamundaDelegateExpression))
        .filter(Objects::nonNull)
        .forEach(
            expression -> {
              Matcher bean = BEAN_EXPRESSION.matcher(expression);
              assertThat(bean.matches()).as(diagram + ": " + expression).isTrue();
              assertThat(applicationContext.containsBean(bean.group(1))).as(diagram + ": bean " + bean.group(1)).isTrue();
            });
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void callActivitiesCallProcessesOfThisProject(Path diagram) throws IOException {
    Set<String> processes = processIds();
    for (CallActivity call : Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(CallActivity.class)) {
      assertThat(call.getCalledElement()).as(call.getId()).isIn(processes);
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void businessRuleTasksEvaluateDecisionsOfThisProject(Path diagram) throws IOException {
    Set<String> decisions = decisionIds();
    for (BusinessRuleTask task :
        Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(BusinessRuleTask.class)) {
      assertThat(task.getCamundaDecisionRef()).as(task.getId()).isIn(decisions);
      assertThat(task.getCamundaResultVariable()).as(task.getId() + " result variable").isNotBlank();
    }
  }

  @Test
  void everyDecisionHasAHistoryTimeToLive() throws IOException {
    try (Stream<Path> files = Files.list(BPMN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
          assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isNotBlank();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyGatewayQuestionHasAConditionPerAnswer(Path diagram) {
    for (ExclusiveGateway gateway :
        Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() > 1) {
        assertThat(gateway.getName()).as(gateway.getId() + " is a question").endsWith("?");
        for (SequenceFlow flow : outgoing) {
          assertThat(flow.getConditionExpression() != null || flow.equals(gateway.getDefault()))
              .as(flow.getId() + " has a condition")
              .isTrue();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void timersHaveADueDateExpression(Path diagram) {
    for (TimerEventDefinition timer :
        Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(TimerEventDefinition.class)) {
      assertThat(timer.getTimeDate() != null || timer.getTimeDuration() != null || timer.getTimeCycle() != null)
          .as(((BaseElement) timer.getParentElement()).getId())
          .isTrue();
    }
  }

  @Test
  void everyMessageCaughtIsOneTheApplicationCorrelatesAndEveryErrorIsOneItThrows() throws IOException {
    Set<String> caught = new HashSet<>();
    Set<String> errorCodes = new HashSet<>();
    for (BpmnModelInstance model : models()) {
      for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
        assertThat(definition.getMessage()).as("message of " + definition.getId()).isNotNull();
        caught.add(definition.getMessage().getName());
      }
      for (ReceiveTask receive : model.getModelElementsByType(ReceiveTask.class)) {
        assertThat(receive.getMessage()).as("message of " + receive.getId()).isNotNull();
        caught.add(receive.getMessage().getName());
      }
      for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
        boundary.getEventDefinitions().stream()
            .filter(ErrorEventDefinition.class::isInstance)
            .map(definition -> ((ErrorEventDefinition) definition).getError())
            .forEach(error -> errorCodes.add(error.getErrorCode()));
      }
    }
    assertThat(caught).containsExactlyInAnyOrderElementsOf(constants(
            ServiceDeliveryProcess.Messages.class, CapaProcess.Messages.class, NotificationProcess.Messages.class));
    assertThat(errorCodes).containsExactlyInAnyOrderElementsOf(constants(ServiceDeliveryProcess.Errors.class));
  }

  @Test
  void everyElementIdTheCodeNamesExists() throws IOException {
    Set<String> ids = new HashSet<>();
    for (BpmnModelInstance model : models()) {
      ids.addAll(ids(model, FlowNode.class));
    }
    assertThat(ids).containsAll(constants(
            ServiceDeliveryProcess.Elements.class,
            ResourceAllocationProcess.Elements.class,
            QualityControlProcess.Elements.class,
            CapaProcess.Elements.class,
            CatalogChangeProcess.Elements.class,
            NotificationProcess.Elements.class));
  }

  @Test
  void everyFormIsUsedAndTargetsTasklist() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (BpmnModelInstance model : models()) {
      model.getModelElementsByType(UserTask.class).forEach(task -> referenced.add(task.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .map(StartEvent::getCamundaFormRef)
          .filter(ref -> ref != null)
          .forEach(referenced::add);
    }
    assertThat(formIds()).containsExactlyInAnyOrderElementsOf(referenced);
    for (Path form : formFiles()) {
      JsonNode schema = new ObjectMapper().readTree(form.toFile());
      assertThat(schema.path("id").asText()).isEqualTo(form.getFileName().toString().replace(".form", ""));
      assertThat(schema.path("executionPlatform").asText()).as(form.toString()).isEqualTo("Camunda Platform");
      assertThat(schema.path("executionPlatformVersion").asText()).as(form.toString()).isEqualTo("7.24.0");
    }
  }

  /** The forms of service-delivery's tasks that show the resolution due time (as a date, or as people read it). */
  @Test
  void everyFormWithTheResolutionDueDateShowsWhereTheSlaStandsReadOnly() throws IOException {
    Set<String> serviceDeliveryForms = new HashSet<>();
    Bpmn.readModelFromFile(Path.of("bpmn", "service-delivery.bpmn").toFile())
        .getModelElementsByType(UserTask.class)
        .forEach(task -> serviceDeliveryForms.add(task.getCamundaFormRef()));
    List<String> openStates =
        Stream.of(SlaState.ON_TRACK, SlaState.AT_RISK, SlaState.PAUSED, SlaState.BREACHED).map(Enum::name).toList();
    List<String> standing =
        List.of(
            Variables.SLA_STATE,
            Variables.SLA_CONSUMED_PERCENT,
            Variables.SLA_REMAINING_MINUTES,
            Variables.SLA_SUMMARY);
    int forms = 0;
    for (Path form : formFiles()) {
      Map<String, JsonNode> fields = new HashMap<>();
      new ObjectMapper()
          .readTree(form.toFile())
          .path("components")
          .forEach(field -> fields.put(field.path("key").asText(), field));
      // the due time as a date, or as people read it in the forms of service-delivery, which keeps the standing
      boolean showsTheDueText =
          fields.containsKey(Variables.RESOLUTION_DUE_TEXT)
              && serviceDeliveryForms.contains(form.getFileName().toString().replace(".form", ""));
      if (!fields.containsKey(Variables.RESOLUTION_DUE_AT) && !showsTheDueText) {
        continue;
      }
      forms++;
      for (String key : standing) {
        assertThat(fields).as(form + " shows " + key).containsKey(key);
        assertThat(fields.get(key).path("disabled").asBoolean()).as(form + " " + key).isTrue();
      }
      List<String> values = new ArrayList<>();
      fields.get(Variables.SLA_STATE).path("values").forEach(value -> values.add(value.path("value").asText()));
      assertThat(values).as(form.toString()).containsExactlyInAnyOrderElementsOf(openStates);
    }
    assertThat(forms).isGreaterThanOrEqualTo(4);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static <T extends BaseElement> Set<String> ids(BpmnModelInstance model, Class<T> type) {
    return model.getModelElementsByType(type).stream().map(BaseElement::getId).collect(Collectors.toSet());
  }

  private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> Set<String> drawn(
      BpmnModelInstance model, Class<T> type, Function<T, BaseElement> element) {
    return model.getModelElementsByType(type).stream()
        .map(element)
        .filter(e -> e != null)
        .map(BaseElement::getId)
        .collect(Collectors.toSet());
  }

  private static List<BpmnModelInstance> models() throws IOException {
    return diagrams().map(path -> Bpmn.readModelFromFile(path.toFile())).toList();
  }

  private static Set<String> processIds() throws IOException {
    Set<String> ids = new HashSet<>();
    models().forEach(model -> ids.addAll(ids(model, Process.class)));
    return ids;
  }

  private static Set<String> decisionIds() throws IOException {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(BPMN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).forEach(d -> ids.add(d.getId()));
      }
    }
    return ids;
  }

  private static List<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path form : formFiles()) {
      ids.add(new ObjectMapper().readTree(form.toFile()).path("id").asText());
    }
    return ids;
  }

  /** the values of the string constants of the given classes: one set over the constants of all processes */
  private static Set<String> constants(Class<?>... holders) {
    return Arrays.stream(holders)
        .flatMap(holder -> Arrays.stream(holder.getDeclaredFields()))
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(ProcessModelTest::value)
        .collect(Collectors.toSet());
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
