package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESPONSE_DUE_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_WARNING_1_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_WARNING_2_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_WARNING_3_AT;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.sla.SlaDueDates;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The SLA due dates as process variables: the timers and the task due dates of the diagram read them. */
final class SlaVariables {

  private static final List<String> WARNINGS = List.of(SLA_WARNING_1_AT, SLA_WARNING_2_AT, SLA_WARNING_3_AT);

  private SlaVariables() {}

  static void write(VariableScope scope, SlaDueDates due) {
    scope.setVariable(RESPONSE_DUE_AT, Date.from(due.responseDueAt()));
    scope.setVariable(RESOLUTION_DUE_AT, Date.from(due.resolutionDueAt()));
    for (int i = 0; i < due.warningsAt().size(); i++) {
      scope.setVariable(WARNINGS.get(i), Date.from(due.warningsAt().get(i)));
    }
  }

  static SlaDueDates read(VariableScope scope) {
    ProcessData data = ProcessData.of(scope);
    return new SlaDueDates(
        data.instant(RESPONSE_DUE_AT),
        data.instant(RESOLUTION_DUE_AT),
        // requests validated before there were three warnings have none
        WARNINGS.stream().map(data::instant).filter(Objects::nonNull).toList());
  }
}
