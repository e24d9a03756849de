package io.servicedelivery.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Switches off Camunda's lock of a user account after failed logins. Camunda counts the failures per account, in
 * the database, whoever sends them: after one it refuses the account's next logins for a few seconds, longer with each
 * further failure, and after {@code loginMaxAttempts} (10) for good, until an administrator unlocks it. So anybody who
 * knows a user id, {@code portal} for instance, could keep that user out from anywhere. {@link LoginThrottle} slows
 * down the guessing instead, per client address and user, and leaves the user's other addresses alone.
 *
 * <p>The engine's generic properties cannot express "never" ({@code loginMaxAttempts} is an int), hence this plugin:
 * no permanent lock, and a temporary lock of 0 s. Camunda still counts the failed attempts in {@code ACT_ID_USER}
 * (and resets them at the next successful login); with these settings the count locks nothing.
 */
@Component
class CamundaLoginLockoutOff extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayMaxTime(0);
    configuration.setLoginDelayBase(0);
  }
}
