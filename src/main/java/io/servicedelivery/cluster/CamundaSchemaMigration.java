package io.servicedelivery.cluster;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Camunda's tables with the scripts the engine ships for the database at hand, as migration 13 of the
 * application's Flyway history. Flyway runs it once, under its lock, before the engine starts (see {@link
 * MigrationsBeforeEngine}), so nodes starting at the same moment on an empty database never run the create scripts
 * twice; the engine itself only checks the schema ({@code camunda.bpm.database.schema-update: false}).
 *
 * <p>A database whose Camunda tables the engine created itself, before this migration existed, keeps them. A Camunda
 * upgrade adds a migration of its own that runs the engine's upgrade scripts ({@code
 * org/camunda/bpm/engine/db/upgrade/<database>_engine_<from>_to_<to>.sql}); see docs/production.md.
 */
@Component
class CamundaSchemaMigration implements JavaMigration {

  private static final Logger log = LoggerFactory.getLogger(CamundaSchemaMigration.class);

  /** In the order the engine creates them itself ({@code AbstractPersistenceSession.dbSchemaCreate}). */
  private static final List<String> COMPONENTS =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  /** Camunda's names of the databases the application runs on, by the JDBC driver's product name. */
  private static final Map<String, String> DATABASE_TYPES = Map.of("H2", "h2", "PostgreSQL", "postgres");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("13");
  }

  @Override
  public String getDescription() {
    return "camunda schema";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (engineTablesPresent(connection.getMetaData())) {
      log.info("Camunda's tables exist already (created by the engine before Flyway owned them): left as they are");
      return;
    }
    String databaseType = databaseType(connection.getMetaData());
    for (String component : COMPONENTS) {
      String script = "org/camunda/bpm/engine/db/create/activiti.%s.create.%s.sql".formatted(databaseType, component);
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(script));
    }
    log.info("Created Camunda's tables for {}", databaseType);
  }

  private static String databaseType(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    String type = DATABASE_TYPES.get(product);
    if (type == null) {
      throw new IllegalStateException("The application runs on H2 or PostgreSQL, not on " + product);
    }
    return type;
  }

  private static boolean engineTablesPresent(DatabaseMetaData metaData) throws SQLException {
    for (String name : List.of("ACT_RU_EXECUTION", "act_ru_execution")) {
      try (ResultSet tables = metaData.getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
