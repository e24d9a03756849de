package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_ID;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.quality.Capas;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes a CAPA whose actions were verified effective. */
@Component("closeCapa")
class CloseCapaDelegate implements JavaDelegate {

  private final Capas capas;

  CloseCapaDelegate(Capas capas) {
    this.capas = capas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    capas.close(ProcessData.of(execution).string(CAPA_ID));
  }
}
