package io.servicedelivery.testsupport;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Leaves a shared application context as the next test expects it: no request running, nobody reserved. */
public final class RunningRequests {


  private RunningRequests() {}

  public static void deleteAll(RuntimeService runtimeService, JdbcClient jdbc) {
    runtimeService.createProcessInstanceQuery().rootProcessInstances().list()
        // where a job executor runs, an instance may end by itself between the query and its deletion
        .forEach(instance ->
            runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test finished", true, true, false, false));
    jdbc.sql("delete from resource_reservation").update();
  }
}
