package io.servicedelivery.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts a {@link ConnectionWatch} between the application and its connection pool, for the test context that imports
 * this: the pool bean is replaced by the watched one, so JdbcClient, the transaction manager and the engine (which
 * wraps the data source it is given in a TransactionAwareDataSourceProxy) all take their connections through it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WatchedConnections {

  @Bean
  static ConnectionWatch connectionWatch() {
    return new ConnectionWatch();
  }

  @Bean
  static BeanPostProcessor watchedConnectionPool(ConnectionWatch watch) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof HikariDataSource pool ? watch.watch(pool) : bean;
      }
    };
  }
}
