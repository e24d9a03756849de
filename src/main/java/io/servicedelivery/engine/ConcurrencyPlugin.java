package io.servicedelivery.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.springframework.stereotype.Component;

/**
 * Registers {@link ConcurrentUpdateRetries} in front of the engine's transaction and {@link RetryLostRacesAtOnce} as
 * the strategy for failed jobs; the starter applies every {@code ProcessEnginePlugin} bean.
 */
@Component
class ConcurrencyPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new ConcurrentUpdateRetries());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    configuration.setFailedJobCommandFactory(
        new RetryLostRacesAtOnce(
            configuration.getFailedJobCommandFactory() != null
                ? configuration.getFailedJobCommandFactory()
                : new DefaultFailedJobCommandFactory()));
  }
}
