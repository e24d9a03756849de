package io.servicedelivery.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the engine this node's name, which the job log records for every job it runs ({@code
 * ACT_HI_JOB_LOG.HOSTNAME_}), and which marks the jobs this node's job executor has taken ({@code
 * ACT_RU_JOB.LOCK_OWNER_}), so that an operator can tell which node ran a job and which jobs wait for a dead node's
 * locks to run out. The engine's own defaults, the machine's address and a random id, tell neither.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

  private final String name;

  NodeName(
      @Value("${servicedelivery.cluster.node-name:}") String configured, @Value("${server.port:8080}") int port) {
    this.name = configured.isBlank() ? hostName() + ":" + port : configured;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
