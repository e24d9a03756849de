package io.servicedelivery.records;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/** Request numbers come from a database sequence, so every node of a cluster hands out unique ones. */
@Configuration
class RequestNumberConfiguration {

  private static final String SEQUENCE = "service_request_number";

  @Bean
  DataFieldMaxValueIncrementer requestNumbers(DataSource dataSource) throws MetaDataAccessException {
    String product =
        JdbcUtils.commonDatabaseName(
            JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    return switch (product) {
      case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
      case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
      default -> throw new IllegalStateException("Unsupported database for request numbers: " + product);
    };
  }
}
