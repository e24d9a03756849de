package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_DUE_AT;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_ID;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_OPENED_BY;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_PROBLEM;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_REQUESTS;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_REQUEST_ID;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_REVIEW_ROUND;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_SERVICE_CODE;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_TITLE;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_TRIGGER;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.quality.CapaTrigger;
import io.servicedelivery.quality.Capas;
import io.servicedelivery.quality.NewCapa;
import io.servicedelivery.quality.OpenedCapa;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the CAPA of a {@code capa} process, requested by a failed review or started by a QA lead (MANUAL). */
@Component("openCapa")
class OpenCapaDelegate implements JavaDelegate {

  private final Capas capas;
  private final CapaDisplay display;

  OpenCapaDelegate(Capas capas, CapaDisplay display) {
    this.capas = capas;
    this.display = display;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    String trigger = data.string(CAPA_TRIGGER);
    OpenedCapa capa =
        capas.open(
            new NewCapa(
                data.string(CAPA_TITLE),
                data.string(CAPA_PROBLEM),
                data.string(CAPA_SERVICE_CODE),
                data.string(CAPA_REQUEST_ID),
                data.integer(CAPA_REVIEW_ROUND),
                trigger == null ? CapaTrigger.MANUAL : CapaTrigger.valueOf(trigger),
                data.string(CAPA_OPENED_BY),
                execution.getProcessInstanceId()));
    execution.setVariable(CAPA_ID, capa.id());
    execution.setVariable(CAPA_DUE_AT, Date.from(capa.dueAt()));
    execution.setVariable(CAPA_REQUESTS, capa.linkedRequests());
    execution.getProcessInstance().setProcessBusinessKey(capa.id());
    display.write(execution);
  }
}
