package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CORRECTIVE_OUTCOME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ISSUES_OR_DELAYS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.MONITORING_SUMMARY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PROGRESS_REPORT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PROGRESS_STATUS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_DUE_TEXT;

import io.servicedelivery.delivery.ProgressEvaluation;
import io.servicedelivery.delivery.ProgressMonitor;
import io.servicedelivery.engine.ProcessData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Monitor progress and quality": evaluates the latest progress report and how much of the SLA is used up. */
@Component("monitorProgress")
class MonitorProgressDelegate implements JavaDelegate {

  private final ProgressMonitor monitor;
  private final SlaStandingVariables standing;

  MonitorProgressDelegate(ProgressMonitor monitor, SlaStandingVariables standing) {
    this.monitor = monitor;
    this.standing = standing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    ProgressEvaluation evaluation =
        monitor.evaluate(
            data.string(PROGRESS_STATUS),
            data.string(PROGRESS_REPORT),
            data.string(CORRECTIVE_OUTCOME),
            standing.refresh(execution),
            data.string(RESOLUTION_DUE_TEXT)); // written by the refresh
    execution.setVariable(ISSUES_OR_DELAYS, evaluation.issuesOrDelays());
    execution.setVariable(MONITORING_SUMMARY, evaluation.summary());
  }
}
