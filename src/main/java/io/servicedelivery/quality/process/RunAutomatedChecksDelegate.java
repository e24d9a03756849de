package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.QualityControlProcess.Variables.AUTOMATED_CHECKS_PASSED;
import static io.servicedelivery.quality.QualityControlProcess.Variables.AUTOMATED_CHECK_FINDINGS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.CHECKLIST_CONFIRMED;
import static io.servicedelivery.quality.QualityControlProcess.Variables.CHECKLIST_ITEMS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.EFFORT_HOURS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.EFFORT_TOLERANCE_PERCENT;
import static io.servicedelivery.quality.QualityControlProcess.Variables.OPTIONAL_CHECKLIST_ITEMS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.PREVIOUS_FINDINGS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.PROGRESS_REPORT;
import static io.servicedelivery.quality.QualityControlProcess.Variables.PROGRESS_STATUS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.REQUEST_ID;
import static io.servicedelivery.quality.QualityControlProcess.Variables.REVIEW_ROUND;
import static io.servicedelivery.quality.QualityControlProcess.Variables.STANDARD_EFFORT_HOURS;

import io.servicedelivery.catalog.ServiceDefinition;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.quality.QualityEvidence;
import io.servicedelivery.quality.QualityReviews;
import io.servicedelivery.quality.ReviewRound;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a review round of the request with the automated checks of the service's checklist, and writes what the QA
 * lead's review form shows.
 */
@Component("runAutomatedChecks")
class RunAutomatedChecksDelegate implements JavaDelegate {

  private final QualityReviews reviews;
  private final QualityReviewDisplay display;

  RunAutomatedChecksDelegate(QualityReviews reviews, QualityReviewDisplay display) {
    this.reviews = reviews;
    this.display = display;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    ReviewRound round =
        reviews.startRound(
            data.string(REQUEST_ID),
            new QualityEvidence(
                data.strings(CHECKLIST_ITEMS),
                data.strings(OPTIONAL_CHECKLIST_ITEMS),
                data.strings(CHECKLIST_CONFIRMED),
                data.string(PROGRESS_STATUS),
                data.string(PROGRESS_REPORT),
                data.decimal(EFFORT_HOURS),
                data.decimal(STANDARD_EFFORT_HOURS),
                data.integer(EFFORT_TOLERANCE_PERCENT, ServiceDefinition.DEFAULT_EFFORT_TOLERANCE_PERCENT)));
    execution.setVariable(REVIEW_ROUND, round.round());
    execution.setVariable(AUTOMATED_CHECKS_PASSED, round.checks().passed());
    execution.setVariable(AUTOMATED_CHECK_FINDINGS, round.checks().summary());
    execution.setVariable(PREVIOUS_FINDINGS, round.previousFindings());
    display.write(execution);
  }
}
