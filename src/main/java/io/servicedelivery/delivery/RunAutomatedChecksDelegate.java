package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.AUTOMATED_CHECKS_PASSED;
import static io.servicedelivery.delivery.ProcessConstants.Variables.AUTOMATED_CHECK_FINDINGS;
import static io.servicedelivery.delivery.ProcessConstants.Variables.CHECKLIST_CONFIRMED;
import static io.servicedelivery.delivery.ProcessConstants.Variables.CHECKLIST_ITEMS;
import static io.servicedelivery.delivery.ProcessConstants.Variables.EFFORT_HOURS;
import static io.servicedelivery.delivery.ProcessConstants.Variables.PROGRESS_REPORT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.PROGRESS_STATUS;
import static io.servicedelivery.delivery.ProcessConstants.Variables.STANDARD_EFFORT_HOURS;
import static io.servicedelivery.delivery.ProcessConstants.Values.PROGRESS_DONE;

import io.servicedelivery.quality.AutomatedQualityChecks;
import io.servicedelivery.quality.QualityCheckResult;
import io.servicedelivery.quality.QualityEvidence;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Runs the automated quality checks of the service's checklist before the QA lead reviews. */
@Component("runAutomatedChecks")
class RunAutomatedChecksDelegate implements JavaDelegate {

  private final AutomatedQualityChecks checks;

  RunAutomatedChecksDelegate(AutomatedQualityChecks checks) {
    this.checks = checks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    QualityCheckResult result =
        checks.run(
            new QualityEvidence(
                data.strings(CHECKLIST_ITEMS),
                data.strings(CHECKLIST_CONFIRMED),
                PROGRESS_DONE.equals(data.string(PROGRESS_STATUS)),
                data.string(PROGRESS_REPORT),
                data.decimal(EFFORT_HOURS),
                data.decimal(STANDARD_EFFORT_HOURS)));
    execution.setVariable(AUTOMATED_CHECKS_PASSED, result.passed());
    execution.setVariable(AUTOMATED_CHECK_FINDINGS, result.summary());
  }
}
