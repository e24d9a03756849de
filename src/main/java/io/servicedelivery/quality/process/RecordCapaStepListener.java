package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.CapaProcess.Variables.ACTIONS_EFFECTIVE;
import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_DUE_AT;
import static io.servicedelivery.quality.CapaProcess.Variables.ACTION_OWNER;
import static io.servicedelivery.quality.CapaProcess.Variables.CAPA_ID;
import static io.servicedelivery.quality.CapaProcess.Variables.CAUSE_CATEGORY;
import static io.servicedelivery.quality.CapaProcess.Variables.CORRECTIVE_ACTIONS;
import static io.servicedelivery.quality.CapaProcess.Variables.IMPLEMENTATION_NOTE;
import static io.servicedelivery.quality.CapaProcess.Variables.PLAN_REVISION;
import static io.servicedelivery.quality.CapaProcess.Variables.ROOT_CAUSE;
import static io.servicedelivery.quality.CapaProcess.Variables.VERIFICATION_NOTE;

import io.servicedelivery.engine.CompletingUser;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.engine.TaskInputCheck;
import io.servicedelivery.quality.CapaProcess.Elements;
import io.servicedelivery.quality.CapaProcess.Values;
import io.servicedelivery.quality.Capas;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records each completed step of a CAPA (root cause, action plan, implementation, verification) with who did it, and
 * what the next task's form shows. A step the CAPA refuses (an action owner who is not one of {@link
 * CapaActionOwners}, a plan due in the past) keeps the task open, and Tasklist shows why.
 */
@Component("recordCapaStep")
class RecordCapaStepListener implements TaskListener {

  private final Capas capas;
  private final CapaActionOwners owners;
  private final CapaDisplay display;
  private final IdentityService identityService;

  RecordCapaStepListener(
      Capas capas, CapaActionOwners owners, CapaDisplay display, IdentityService identityService) {
    this.capas = capas;
    this.owners = owners;
    this.display = display;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    ProcessData data = ProcessData.of(task);
    String id = data.string(CAPA_ID);
    String by = CompletingUser.of(task, identityService);
    switch (task.getTaskDefinitionKey()) {
      case Elements.ANALYSE_ROOT_CAUSE ->
          capas.recordRootCause(id, data.string(CAUSE_CATEGORY), data.string(ROOT_CAUSE), by);
      case Elements.PLAN_CORRECTIVE_ACTION -> {
        TaskInputCheck check = TaskInputCheck.of(task);
        owners.check(check, data.string(ACTION_OWNER));
        check.throwIfInvalid();
        Instant due = data.instant(ACTION_DUE_AT);
        int revision = capas.recordPlan(id, data.string(CORRECTIVE_ACTIONS), data.string(ACTION_OWNER), due, by);
        task.setVariable(ACTION_DUE_AT, Date.from(due));
        task.setVariable(PLAN_REVISION, revision);
      }
      case Elements.IMPLEMENT_ACTIONS ->
          capas.recordImplementation(id, data.integer(PLAN_REVISION), data.string(IMPLEMENTATION_NOTE), by);
      case Elements.VERIFY_EFFECTIVENESS ->
          capas.recordVerification(
              id, data.integer(PLAN_REVISION), Values.ACTIONS_EFFECTIVE.equals(data.string(ACTIONS_EFFECTIVE)),
              data.string(VERIFICATION_NOTE), by);
      default -> throw new IllegalStateException("No CAPA step at " + task.getTaskDefinitionKey());
    }
    display.write(task);
  }
}
