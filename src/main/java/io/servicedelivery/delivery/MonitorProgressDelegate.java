package io.servicedelivery.delivery;

import static io.servicedelivery.delivery.ProcessConstants.Variables.CORRECTIVE_OUTCOME;
import static io.servicedelivery.delivery.ProcessConstants.Variables.ISSUES_OR_DELAYS;
import static io.servicedelivery.delivery.ProcessConstants.Variables.MONITORING_SUMMARY;
import static io.servicedelivery.delivery.ProcessConstants.Variables.PROGRESS_REPORT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.PROGRESS_STATUS;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ProcessConstants.Variables.RESOLUTION_DUE_AT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_CONSUMED_PERCENT;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_PAUSED_MINUTES;
import static io.servicedelivery.delivery.ProcessConstants.Variables.SLA_WARNING_2_AT;

import io.servicedelivery.catalog.BusinessCalendars;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** E: evaluates the latest progress report and how much of the SLA is used up. */
@Component("monitorProgress")
class MonitorProgressDelegate implements JavaDelegate {

  private final ProgressMonitor monitor;
  private final BusinessCalendars calendars;

  MonitorProgressDelegate(ProgressMonitor monitor, BusinessCalendars calendars) {
    this.monitor = monitor;
    this.calendars = calendars;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    ProgressEvaluation evaluation =
        monitor.evaluate(
            data.string(PROGRESS_STATUS),
            data.string(PROGRESS_REPORT),
            data.string(CORRECTIVE_OUTCOME),
            data.instant(RECEIVED_AT),
            data.instant(RESOLUTION_DUE_AT),
            calendars.ofRequest(data.string(RESOLUTION_CALENDAR)),
            Duration.ofMinutes(data.integer(SLA_PAUSED_MINUTES, 0)),
            data.instant(SLA_WARNING_2_AT));
    execution.setVariable(ISSUES_OR_DELAYS, evaluation.issuesOrDelays());
    execution.setVariable(SLA_CONSUMED_PERCENT, evaluation.slaConsumedPercent());
    execution.setVariable(MONITORING_SUMMARY, evaluation.summary());
  }
}
