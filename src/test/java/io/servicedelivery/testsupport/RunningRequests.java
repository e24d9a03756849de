package io.servicedelivery.testsupport;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Leaves a shared application context as the next test expects it: no request running, nobody reserved. */
public final class RunningRequests {


  private RunningRequests() {}

  public static void deleteAll(RuntimeService runtimeService, JdbcClient jdbc) {
    runtimeService.createProcessInstanceQuery().rootProcessInstances().list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true));
    jdbc.sql("delete from resource_reservation").update();
  }
}
