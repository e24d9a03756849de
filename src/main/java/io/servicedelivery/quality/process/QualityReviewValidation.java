package io.servicedelivery.quality.process;

import static io.servicedelivery.quality.QualityControlProcess.Variables.FINDING_SEVERITY;
import static io.servicedelivery.quality.QualityControlProcess.Variables.QUALITY_FINDINGS;
import static io.servicedelivery.quality.QualityControlProcess.Variables.QUALITY_VERDICT;

import io.servicedelivery.engine.TaskInputCheck;
import io.servicedelivery.quality.FindingSeverity;
import io.servicedelivery.quality.InvalidVerdictException;
import io.servicedelivery.quality.QualityControlProcess.Values;
import io.servicedelivery.quality.QualityVerdict;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the QA lead's verdict when "Review quality" is completed, before it is recorded: PASSED or FAILED, and for a
 * failure at least one finding and a severity of MINOR, MAJOR or CRITICAL. The reasons are those of {@link
 * QualityVerdict}, which stays the rule (and its {@link InvalidVerdictException} the cause); this listener names the
 * field, so that the REST API answers 400 with it.
 */
@Component("qualityReviewValidation")
class QualityReviewValidation implements TaskListener {

  private static final List<String> VERDICTS = List.of(Values.QUALITY_PASSED, Values.QUALITY_FAILED);
  private static final List<String> SEVERITIES = Arrays.stream(FindingSeverity.values()).map(Enum::name).toList();

  @Override
  public void notify(DelegateTask task) {
    if (TaskInputCheck.completedByAnother(task)) {
      return;
    }
    TaskInputCheck check = TaskInputCheck.of(task);
    String verdict = check.oneOf(QUALITY_VERDICT, true, VERDICTS);
    InvalidVerdictException refused = null;
    if (Values.QUALITY_FAILED.equals(verdict)) {
      String findings = check.text(QUALITY_FINDINGS, false, 4000);
      if (check.isValid(QUALITY_FINDINGS)) {
        try {
          // the findings alone: the severity is checked below
          QualityVerdict.of(verdict, findings, FindingSeverity.MINOR.name());
        } catch (InvalidVerdictException noFindings) {
          check.reject(QUALITY_FINDINGS, noFindings.getMessage());
          refused = noFindings;
        }
      }
      check.oneOf(FINDING_SEVERITY, true, SEVERITIES);
    }
    check.throwIfInvalid(refused);
  }
}
