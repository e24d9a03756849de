package io.servicedelivery.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/** The watch itself: it sees a query inside another query's row mapper, so a test relying on it cannot pass idly. */
class ConnectionWatchTest {

  private final ConnectionWatch watch = new ConnectionWatch();
  private HikariDataSource pool;

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  void aQueryInsideARowMapperOutsideATransactionIsCaught() {
    JdbcClient jdbc = JdbcClient.create(watched(2));

    List<Integer> values =
        jdbc.sql("select 1")
            .query((rs, row) -> jdbc.sql("select 2").query(Integer.class).single())
            .list();

    assertThat(values).containsExactly(2);
    assertThat(watch.overlaps()).hasSize(1);
    ConnectionWatch.Overlap overlap = watch.overlaps().get(0);
    assertThat(overlap.thread()).isEqualTo(Thread.currentThread().getName());
    assertThat(overlap.held()).isEqualTo(1);
    assertThat(overlap.stack())
        .anyMatch(frame -> frame.contains("aQueryInsideARowMapperOutsideATransactionIsCaught"));
    assertThat(watch.heldBy(Thread.currentThread())).as("both given back").isZero();
    assertThat(watch.takenByThread()).containsEntry(Thread.currentThread().getName(), 2);
  }

  @Test
  void aThreadThatWaitsInVainForASecondConnectionIsCaughtToo() {
    JdbcClient jdbc = JdbcClient.create(watched(1));

    assertThatThrownBy(
            () -> jdbc.sql("select 1").query((rs, row) -> jdbc.sql("select 2").query(Integer.class).single()).list())
        .isInstanceOf(CannotGetJdbcConnectionException.class);

    assertThat(watch.overlaps()).hasSize(1);
    assertThat(watch.heldBy(Thread.currentThread())).isZero();
  }

  @Test
  void queriesOneAfterTheOtherOutsideATransactionAreNoOverlap() {
    JdbcClient jdbc = JdbcClient.create(watched(2));

    jdbc.sql("select 1").query(Integer.class).single();
    jdbc.sql("select 2").query(Integer.class).single();

    assertThat(watch.overlaps()).isEmpty();
    assertThat(watch.takenByThread()).containsEntry(Thread.currentThread().getName(), 2);
  }

  @Test
  void insideATransactionJdbcClientAndTheEnginesProxyShareOneConnection() {
    DataSource dataSource = watched(2);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    // what Camunda's starter gives the engine
    JdbcClient engine = JdbcClient.create(new TransactionAwareDataSourceProxy(dataSource));
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    List<Integer> values =
        transaction.execute(
            status ->
                jdbc.sql("select 1")
                    .query((rs, row) -> engine.sql("select 2").query(Integer.class).single())
                    .list());

    assertThat(values).containsExactly(2);
    assertThat(watch.overlaps()).isEmpty();
    assertThat(watch.takenByThread()).containsEntry(Thread.currentThread().getName(), 1);
    assertThat(watch.heldBy(Thread.currentThread())).isZero();
  }

  private DataSource watched(int poolSize) {
    pool = new HikariDataSource();
    pool.setJdbcUrl("jdbc:h2:mem:watch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    pool.setMaximumPoolSize(poolSize);
    pool.setConnectionTimeout(250);
    return watch.watch(pool);
  }
}
