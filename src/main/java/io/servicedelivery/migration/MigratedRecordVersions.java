package io.servicedelivery.migration;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.records.ServiceDeliveryRecords;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery record's process version right when a request moves to another version of service-delivery: the
 * engine reports the migration of a process instance as a history event ({@code migrate}) in the transaction of the
 * migration (a job of the batch), and the record follows in the same transaction. The engine has no other hook for a
 * migration: it calls no execution listener.
 */
@Component
class MigratedRecordVersions extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ServiceDeliveryRecords> records;

  MigratedRecordVersions(ObjectProvider<ServiceDeliveryRecords> records) {
    this.records = records;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  private final class Handler implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricProcessInstanceEventEntity instance
          && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_MIGRATE)
          && ServiceDeliveryProcess.KEY.equals(instance.getProcessDefinitionKey())
          && instance.getProcessDefinitionVersion() != null) {
        records.getObject().moveToProcessVersion(instance.getProcessInstanceId(), instance.getProcessDefinitionVersion());
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
