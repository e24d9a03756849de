package io.servicedelivery.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;

/**
 * A submission a task refused is the person's mistake, answered with a 400: the engine logs it at DEBUG, as it logs
 * its own {@code BadUserRequestException}, not at ERROR with a stack trace (it arrives wrapped by the task listener
 * that refused it, which the engine would count as a failure).
 */
class RefusedInputLoggedAsDebug extends CommandContextFactory {

  RefusedInputLoggedAsDebug(ProcessEngineConfigurationImpl configuration) {
    setProcessEngineConfiguration(configuration);
  }

  @Override
  public CommandContext createCommandContext() {
    return new CommandContext(processEngineConfiguration) {
      @Override
      protected boolean shouldLogFine(Throwable exception) {
        return super.shouldLogFine(exception) || InvalidTaskInputs.in(exception) != null;
      }
    };
  }
}
