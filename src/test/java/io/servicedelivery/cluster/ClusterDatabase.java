package io.servicedelivery.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL database of its own for one run of the cluster test, created empty and dropped at the end (other
 * people's tests use the same server). The server is named by {@code SERVICEDELIVERY_TEST_POSTGRES_URL} (a database
 * to connect to for CREATE DATABASE), {@code _USER} and {@code _PASSWORD}; localhost:5432 with sdo/sdo when unset.
 */
final class ClusterDatabase implements AutoCloseable {

  private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

  private final String adminUrl;
  private final String user;
  private final String password;
  private final String name;
  private final HikariDataSource dataSource;
  private final JdbcTemplate jdbc;

  private ClusterDatabase(String adminUrl, String user, String password, String name) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.name = name;
    this.dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url());
    dataSource.setUsername(user);
    dataSource.setPassword(password);
    dataSource.setMaximumPoolSize(4);
    dataSource.setMinimumIdle(0);
    dataSource.setPoolName("cluster-test");
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Creates an empty database with a name of its own on the server the environment names. */
  static ClusterDatabase create() {
    String adminUrl = env("SERVICEDELIVERY_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres");
    String user = env("SERVICEDELIVERY_TEST_POSTGRES_USER", "sdo");
    String password = env("SERVICEDELIVERY_TEST_POSTGRES_PASSWORD", "sdo");
    if (!JDBC_URL.matcher(adminUrl).matches()) {
      throw new IllegalStateException(
          "SERVICEDELIVERY_TEST_POSTGRES_URL must look like jdbc:postgresql://host:5432/postgres, not " + adminUrl);
    }
    String name =
        "sdo_cluster_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable or refuses to create a database at " + adminUrl + " as " + user + ": "
              + e.getMessage() + " (set SERVICEDELIVERY_TEST_POSTGRES_URL, _USER and _PASSWORD)", e);
    }
    return new ClusterDatabase(adminUrl, user, password, name);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  String name() {
    return name;
  }

  /** The JDBC URL of this database, for the nodes. */
  String url() {
    Matcher matcher = JDBC_URL.matcher(adminUrl);
    if (!matcher.matches()) {
      throw new IllegalStateException(adminUrl);
    }
    return matcher.group(1) + name + matcher.group(3);
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  long count(String sql, Object... parameters) {
    Long count = jdbc.queryForObject(sql, Long.class, parameters);
    return count == null ? 0 : count;
  }

  /** Drops the database, also while nodes (or a killed node's left-over sessions) are still connected. */
  @Override
  public void close() {
    dataSource.close();
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop the test database " + name + ": " + e.getMessage(), e);
    }
  }
}
