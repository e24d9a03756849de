package io.servicedelivery.cluster;

import java.util.Set;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine starts only after Flyway has migrated the database, Camunda's tables included (registered in
 * {@code META-INF/spring.factories}): Spring Boot makes every bean this detector names depend on the database's
 * initialisation.
 */
class MigrationsBeforeEngine extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineFactoryBean.class);
  }
}
