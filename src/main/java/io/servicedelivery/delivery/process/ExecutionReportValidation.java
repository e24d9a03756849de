package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_COMMENT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_QUESTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.EFFORT_HOURS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.MATERIALS_COST;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PROGRESS_REPORT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PROGRESS_STATUS;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Values;
import io.servicedelivery.engine.InvalidTaskInputException;
import io.servicedelivery.engine.TaskInputCheck;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the assignee's report when "Execute service activities" is completed, whoever completes it: a progress
 * status of the form's choices, the effort in hours (0.25 to 500, as the form allows) and the materials (0 or more),
 * both numbers, a report, the optional comment to the customer, and the question for the customer when the assignee
 * waits for one. What is billed later
 * ({@code CompleteDeliveryDelegate}) is read from these values. Refuses with {@link InvalidTaskInputException}.
 */
@Component("executionReportValidation")
class ExecutionReportValidation implements TaskListener {

  static final BigDecimal MIN_EFFORT_HOURS = new BigDecimal("0.25");
  static final BigDecimal MAX_EFFORT_HOURS = new BigDecimal("500");
  static final BigDecimal MAX_MATERIALS_COST = new BigDecimal("1000000");

  private static final List<String> PROGRESS =
      List.of(Values.PROGRESS_DONE, Values.PROGRESS_ISSUE, Values.PROGRESS_WAITING_FOR_CUSTOMER);

  @Override
  public void notify(DelegateTask task) {
    if (TaskInputCheck.completedByAnother(task)) {
      return;
    }
    TaskInputCheck check = TaskInputCheck.of(task);
    String status = check.oneOf(PROGRESS_STATUS, true, PROGRESS);
    check.number(EFFORT_HOURS, "the effort", true, MIN_EFFORT_HOURS, MAX_EFFORT_HOURS, " hours");
    check.number(MATERIALS_COST, "the materials cost", false, BigDecimal.ZERO, MAX_MATERIALS_COST, "");
    check.text(PROGRESS_REPORT, true, 4000);
    check.text(CUSTOMER_COMMENT, false, 4000);
    if (Values.PROGRESS_WAITING_FOR_CUSTOMER.equals(status)) {
      check.text(CUSTOMER_QUESTION, true, 2000);
    }
    check.throwIfInvalid();
  }
}
