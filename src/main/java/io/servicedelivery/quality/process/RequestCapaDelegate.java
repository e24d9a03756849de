package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_ID;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_TRIGGER;
import static io.servicedelivery.quality.QualityControlProcess.Variables.QUALITY_FINDINGS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.REQUEST_ID;
import static io.servicedelivery.quality.QualityControlProcess.Variables.REVIEW_ROUND;
import static io.servicedelivery.quality.QualityControlProcess.Variables.SERVICE_CODE;
import static io.servicedelivery.quality.QualityControlProcess.Variables.SERVICE_NAME;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.quality.CapaRequest;
import io.servicedelivery.quality.CapaTrigger;
import io.servicedelivery.quality.Capas;
import io.servicedelivery.quality.QualityControlProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends a failed review that calls for a CAPA to the {@code capa} process, or links it to the open CAPA. */
@Component("requestCapa")
class RequestCapaDelegate implements JavaDelegate {

  private final Capas capas;

  RequestCapaDelegate(Capas capas) {
    this.capas = capas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    String capaId =
        capas.request(
            new CapaRequest(
                data.string(REQUEST_ID),
                data.string(SERVICE_CODE),
                data.string(SERVICE_NAME),
                data.integer(REVIEW_ROUND),
                CapaTrigger.valueOf(data.string(CAPA_TRIGGER)),
                data.string(QUALITY_FINDINGS),
                QualityControlProcess.KEY));
    execution.setVariable(CAPA_ID, capaId);
  }
}
