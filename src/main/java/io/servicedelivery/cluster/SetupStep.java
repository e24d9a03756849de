package io.servicedelivery.cluster;

/**
 * Something every node sets up at start, such as groups, permissions or filters. It must create only what is missing
 * and change only what differs: it runs at every start of every node, one node after the other ({@link
 * StartupSetup}), in the order of the steps' {@code @Order}.
 */
public interface SetupStep {

  void setUp();
}
