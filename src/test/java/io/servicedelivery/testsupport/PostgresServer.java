package io.servicedelivery.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests may use, named by {@code SERVICEDELIVERY_TEST_POSTGRES_URL} (the JDBC URL of a
 * database to connect to for CREATE DATABASE, such as {@code jdbc:postgresql://localhost:5432/postgres}), {@code
 * SERVICEDELIVERY_TEST_POSTGRES_USER} and {@code _PASSWORD} (a user who may create databases); localhost:5432 with
 * sdo/sdo where they are not set. Tests create databases of their own on it and drop them again: other builds use the
 * same server.
 */
public record PostgresServer(String adminUrl, String user, String password) {

  public static PostgresServer fromEnvironment() {
    String adminUrl = environment("SERVICEDELIVERY_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres");
    if (!adminUrl.startsWith("jdbc:postgresql://") || adminUrl.indexOf('/', "jdbc:postgresql://".length()) < 0) {
      throw new IllegalStateException(
          "SERVICEDELIVERY_TEST_POSTGRES_URL must look like jdbc:postgresql://host:5432/postgres, not " + adminUrl);
    }
    return new PostgresServer(
        adminUrl,
        environment("SERVICEDELIVERY_TEST_POSTGRES_USER", "sdo"),
        environment("SERVICEDELIVERY_TEST_POSTGRES_PASSWORD", "sdo"));
  }

  public void createDatabase(String name) {
    execute("create database " + name);
  }

  /** Drops the database, also while clients (or a killed node's left-over sessions) are still connected. */
  public void dropDatabase(String name) {
    execute("drop database if exists " + name + " with (force)");
  }

  /** The JDBC URL of the database of that name on this server. */
  public String urlOf(String database) {
    int query = adminUrl.indexOf('?');
    String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
    return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          sql + " failed on " + adminUrl + " as " + user + ": " + e.getMessage()
              + " (set SERVICEDELIVERY_TEST_POSTGRES_URL, _USER and _PASSWORD)",
          e);
    }
  }

  private static String environment(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
