package io.servicedelivery.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.servicedelivery.testsupport.PostgresServer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL database of its own for one run of the cluster test, created empty on the tests' server ({@link
 * PostgresServer}) and dropped at the end.
 */
final class ClusterDatabase implements AutoCloseable {

  private final PostgresServer server;
  private final String name;
  private final HikariDataSource dataSource;
  private final JdbcTemplate jdbc;

  private ClusterDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
    this.dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url());
    dataSource.setUsername(server.user());
    dataSource.setPassword(server.password());
    dataSource.setMaximumPoolSize(4);
    dataSource.setMinimumIdle(0);
    dataSource.setPoolName("cluster-test");
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Creates an empty database with a name of its own on the server the environment names. */
  static ClusterDatabase create() {
    PostgresServer server = PostgresServer.fromEnvironment();
    String name =
        "sdo_cluster_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    server.createDatabase(name);
    return new ClusterDatabase(server, name);
  }

  String name() {
    return name;
  }

  /** The JDBC URL of this database, for the nodes. */
  String url() {
    return server.urlOf(name);
  }

  String user() {
    return server.user();
  }

  String password() {
    return server.password();
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  long count(String sql, Object... parameters) {
    Long count = jdbc.queryForObject(sql, Long.class, parameters);
    return count == null ? 0 : count;
  }

  @Override
  public void close() {
    dataSource.close();
    server.dropDatabase(name);
  }
}
