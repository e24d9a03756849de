package io.servicedelivery.records;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

/** Request numbers come from a database sequence, so every node of a cluster hands out unique ones. */
@Configuration
class RequestNumberConfiguration {

  private static final String SEQUENCE = "service_request_number";

  @Bean
  DataFieldMaxValueIncrementer requestNumbers(DataSource dataSource) {
    return DatabaseSequences.of(dataSource, SEQUENCE);
  }
}
