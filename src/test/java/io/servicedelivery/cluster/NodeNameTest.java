package io.servicedelivery.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;

/**
 * The engine records the configured node name for the jobs it runs and locks, and without one the host name and the
 * port.
 */
class NodeNameTest {

  @Test
  void theConfiguredNameIsTheEnginesHostName() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

    NodeName nodeName = new NodeName("node-a", 8081);
    nodeName.preInit(configuration);
    configuration.setJobExecutor(new DefaultJobExecutor());
    nodeName.postInit(configuration);

    assertThat(configuration.getHostname()).isEqualTo("node-a");
    assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo("node-a");
  }

  @Test
  void withoutANameTwoNodesOnOneMachineDifferByTheirPorts() {
    StandaloneInMemProcessEngineConfiguration first = new StandaloneInMemProcessEngineConfiguration();
    StandaloneInMemProcessEngineConfiguration second = new StandaloneInMemProcessEngineConfiguration();

    new NodeName("", 8081).preInit(first);
    new NodeName(" ", 8082).preInit(second);

    assertThat(first.getHostname()).endsWith(":8081");
    assertThat(second.getHostname()).endsWith(":8082");
    assertThat(first.getHostname()).isNotEqualTo(second.getHostname());
  }
}
