package io.servicedelivery.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which names the expressions of a model read, and where. */
class VariableReferencesTest {

  @Test
  void namesOfVariablesAndBeansAreReadButNotPropertiesFunctionsKeywordsOrStrings() {
    Map<String, String> names = new LinkedHashMap<>();

    VariableReferences.read("${responseDueAt}", "Task_A", names);
    VariableReferences.read("${dateTime().plusDays(1).toDate()}", "Task_B", names);
    VariableReferences.read("${execution.getVariable('resolutionDueAt')}", "Task_C", names);
    VariableReferences.read("${progressStatus == 'DONE' and not empty allocatedResource}", "Flow_D", names);
    VariableReferences.read("#{customerTimeline.record(execution, 'PLANNED')}", "Task_E", names);
    VariableReferences.read("plain text without expressions, ${responseDueAt} again", "Task_F", names);

    assertThat(names)
        .containsExactly(
            Map.entry("responseDueAt", "Task_A"),
            Map.entry("resolutionDueAt", "Task_C"),
            Map.entry("progressStatus", "Flow_D"),
            Map.entry("allocatedResource", "Flow_D"),
            Map.entry("customerTimeline", "Task_E"));
  }

  @Test
  void aModelsAttributesAndTextsAreReadWithTheIdOfTheirElement() {
    String model =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
          <process id="p">
            <userTask id="Task_Confirm" camunda:candidateGroups="${planReviewers}" camunda:dueDate="${responseDueAt}"/>
            <sequenceFlow id="Flow_Ok" sourceRef="a" targetRef="b">
              <conditionExpression>${verdict == 'PASSED'}</conditionExpression>
            </sequenceFlow>
          </process>
        </definitions>""";

    assertThat(VariableReferences.in(model))
        .containsExactly(
            Map.entry("planReviewers", "Task_Confirm"),
            Map.entry("responseDueAt", "Task_Confirm"),
            Map.entry("verdict", "Flow_Ok"));
  }
}
