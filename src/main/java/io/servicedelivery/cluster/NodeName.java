package io.servicedelivery.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the engine this node's name, which the job log records for every job it runs ({@code
 * ACT_HI_JOB_LOG.HOSTNAME_}), so that an operator can tell which node ran a job. The engine's own default, the
 * machine's address, is the same for two nodes on one machine.
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

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
