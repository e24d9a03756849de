package io.servicedelivery.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Registers {@link InvalidTaskInputUnwrapping} in front of the engine's commands, with and without a transaction, and
 * {@link RefusedInputLoggedAsDebug} for the commands' contexts.
 */
@Component
class TaskInputPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> txRequired = new ArrayList<>();
    txRequired.add(new InvalidTaskInputUnwrapping());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      txRequired.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(txRequired);
    List<CommandInterceptor> txRequiresNew = new ArrayList<>();
    txRequiresNew.add(new InvalidTaskInputUnwrapping());
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() != null) {
      txRequiresNew.addAll(configuration.getCustomPreCommandInterceptorsTxRequiresNew());
    }
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(txRequiresNew);
    configuration.setCommandContextFactory(new RefusedInputLoggedAsDebug(configuration));
  }
}
