package io.servicedelivery.mailbox.process;

import io.servicedelivery.cluster.SetupStep;
import io.servicedelivery.mailbox.MailboxProcesses.Reading;
import io.servicedelivery.mailbox.MailboxProperties;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Switches the timer of mailbox-reading on or off at every start, as {@code servicedelivery.mailbox.enabled} says:
 * off, its job definition is suspended (Cockpit shows it), and no instance starts every minute for nothing.
 */
@Component
class MailboxReadingSwitch implements SetupStep {

  private static final Logger log = LoggerFactory.getLogger(MailboxReadingSwitch.class);

  private final ManagementService managementService;
  private final MailboxProperties properties;

  MailboxReadingSwitch(ManagementService managementService, MailboxProperties properties) {
    this.managementService = managementService;
    this.properties = properties;
  }

  @Override
  public void setUp() {
    boolean suspended =
        managementService.createJobDefinitionQuery().processDefinitionKey(Reading.KEY).suspended().count() > 0;
    if (properties.enabled() && suspended) {
      managementService.activateJobDefinitionByProcessDefinitionKey(Reading.KEY, true);
    } else if (!properties.enabled() && !suspended) {
      managementService.suspendJobDefinitionByProcessDefinitionKey(Reading.KEY, true);
    }
    log.info(
        properties.enabled()
            ? "Service-desk mailbox {} read every {} from {}:{} ({})"
            : "Service-desk mailbox {} not read (servicedelivery.mailbox.enabled=false)",
        properties.address(), properties.pollInterval(), properties.host(), properties.port(), properties.protocol());
  }
}
