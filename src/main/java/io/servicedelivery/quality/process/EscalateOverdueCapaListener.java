package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_DUE_AT;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_DUE_AT;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_ID;
import static io.servicedelivery.quality.CapaProcess.Variables.ESCALATION_KIND;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.quality.CapaProcess.Values;
import io.servicedelivery.quality.Capas;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the escalation as the operations managers' task is created: the actions of a CAPA ({@value
 * Values#ESCALATION_ACTIONS_OVERDUE}) or the CAPA itself ({@value Values#ESCALATION_CAPA_OVERDUE}) passed its due
 * date. The kind is an input parameter of the task; the form shows it in words.
 */
@Component("escalateOverdueCapa")
class EscalateOverdueCapaListener implements TaskListener {

  private final Capas capas;
  private final CapaDisplay display;

  EscalateOverdueCapaListener(Capas capas, CapaDisplay display) {
    this.capas = capas;
    this.display = display;
  }

  @Override
  public void notify(DelegateTask task) {
    ProcessData data = ProcessData.of(task);
    String kind = data.string(ESCALATION_KIND);
    String dueAt = Values.ESCALATION_ACTIONS_OVERDUE.equals(kind) ? ACTION_DUE_AT : CAPA_DUE_AT;
    capas.escalate(data.string(CAPA_ID), kind, data.instant(dueAt));
    display.writeEscalation(task);
  }
}
