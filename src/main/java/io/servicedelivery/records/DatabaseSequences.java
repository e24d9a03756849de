package io.servicedelivery.records;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/** Numbers from a database sequence, so every node of a cluster hands out unique ones. */
public final class DatabaseSequences {

  private DatabaseSequences() {}

  public static DataFieldMaxValueIncrementer of(DataSource dataSource, String sequence) {
    try {
      String product =
          JdbcUtils.commonDatabaseName(
              JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
      return switch (product) {
        case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, sequence);
        case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, sequence);
        default -> throw new IllegalStateException("Unsupported database for sequence " + sequence + ": " + product);
      };
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell the database of sequence " + sequence, e);
    }
  }
}
