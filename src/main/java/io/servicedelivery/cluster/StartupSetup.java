package io.servicedelivery.cluster;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the {@link SetupStep}s once the application has started, in one transaction that first locks the row of
 * {@code node_setup_lock}: nodes starting at the same moment take turns, and each finds what the one before it
 * created instead of creating it again (the engine's commands join this transaction). A failing step fails the start.
 */
@Component
public class StartupSetup {

  private final List<SetupStep> steps;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  StartupSetup(List<SetupStep> steps, PlatformTransactionManager transactions, JdbcClient jdbc) {
    this.steps = steps;
    this.transaction = new TransactionTemplate(transactions);
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void setUp() {
    transaction.executeWithoutResult(
        status -> {
          jdbc.sql("select id from node_setup_lock where id = 1 for update").query(Integer.class).single();
          steps.forEach(SetupStep::setUp);
        });
  }
}
