package io.servicedelivery.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicedelivery.ServiceDeliveryApplication;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.testsupport.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes started at the same moment on one PostgreSQL database come up, on an empty database and again on the
 * existing one, every time, and set up everything exactly once: Camunda's schema and the application's tables
 * (Flyway's lock), the deployments (the engine's deployment lock), groups, grants, filters and the first
 * administrator ({@link StartupSetup}'s row lock). PostgreSQL only: that is where nodes share a database.
 */
@EnabledIf("io.servicedelivery.testsupport.TestDatabases#onPostgresql")
class TwoNodesStartingAtOnceTest {

  private static final int ROUNDS = 2;

  @Test
  void bothNodesComeUpOnAnEmptyAndOnAnExistingDatabaseAndSetUpEverythingOnce() throws Exception {
    String database = "jdbc:h2:mem:two-nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    for (int round = 1; round <= ROUNDS; round++) {
      List<ConfigurableApplicationContext> nodes = startAtOnce(database);
      try {
        JdbcClient jdbc = nodes.get(0).getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
            .as("round %d: every migration once", round)
            .isEqualTo(jdbc.sql("select count(distinct version) from flyway_schema_history").query(Long.class).single());
        assertThat(
                jdbc.sql("select count(*) from act_re_procdef where key_ = ?")
                    .param(ServiceDeliveryProcess.KEY)
                    .query(Long.class)
                    .single())
            .as("round %d: the unchanged process is deployed once", round)
            .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from act_ru_filter").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from act_id_group").query(Long.class).single())
            .isEqualTo(Groups.ALL.size() + 3);
        assertThat(
                jdbc.sql(
                        """
                        select count(*) from (
                          select group_id_, resource_type_, resource_id_ from act_ru_authorization
                          where group_id_ is not null
                          group by group_id_, resource_type_, resource_id_ having count(*) > 1) duplicates""")
                    .query(Long.class)
                    .single())
            .as("round %d: no grant twice", round)
            .isZero();
        assertThat(jdbc.sql("select count(*) from act_id_membership where user_id_ = 'demo'").query(Long.class).single())
            .isEqualTo(Groups.ALL.size() + 1);
        for (ConfigurableApplicationContext node : nodes) {
          assertThat(node.getBean(ProcessEngine.class).getRepositoryService().createDeploymentQuery().count())
              .isPositive();
        }
      } finally {
        nodes.forEach(ConfigurableApplicationContext::close);
      }
    }
  }

  private static List<ConfigurableApplicationContext> startAtOnce(String database) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<ConfigurableApplicationContext>> starts = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      starts.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  together.await(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return new SpringApplicationBuilder(ServiceDeliveryApplication.class)
                    .profiles("test", "demo")
                    // as arguments, which win over the test profile's private database
                    .run(
                        "--spring.datasource.url=" + database,
                        "--server.port=0",
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--servicedelivery.mail.demo-server.enabled=false");
              }));
    }
    List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    for (CompletableFuture<ConfigurableApplicationContext> start : starts) {
      nodes.add(start.get(3, TimeUnit.MINUTES));
    }
    return nodes;
  }
}
