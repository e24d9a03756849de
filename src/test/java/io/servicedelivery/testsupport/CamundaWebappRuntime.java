package io.servicedelivery.testsupport;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Gives Camunda's webapps their runtime back before every test method. The webapps keep it in static fields, which a
 * closing servlet context sets to {@code null} ({@code TasklistContainerBootstrap.contextDestroyed} and its siblings
 * for Cockpit and Admin): once a test has started and closed a node of its own (two nodes, a production start), the
 * webapps of the contexts still running would answer 500. One servlet context per JVM in production never meets this.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class CamundaWebappRuntime implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    restore();
  }

  /** Sets the webapps' runtime again where a closed servlet context took it away. */
  public static synchronized void restore() {
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
  }
}
