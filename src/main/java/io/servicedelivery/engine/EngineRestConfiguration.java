package io.servicedelivery.engine;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API with the application's answers to concurrent changes, to submissions a task refuses, and its
 * guard on what a caller may change besides a task's form (the documented way to extend it).
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  /** Taken when a call needs it: this configuration is built with the web server, before the engine and Flyway. */
  private final ObjectProvider<ProcessEngine> processEngine;

  EngineRestConfiguration(ObjectProvider<ProcessEngine> processEngine) {
    this.processEngine = processEngine;
  }

  @Override
  protected void registerAdditionalResources() {
    EndedTasks endedTasks = new EndedTasks(processEngine);
    register(new EngineRestConflicts(endedTasks));
    register(new EngineRestRefusals(endedTasks));
    register(EngineRestLostRaces.class);
    register(EngineRestInvalidInput.class);
    register(new EngineRestFormGuard(processEngine, new TaskFormFields(processEngine)));
  }
}
