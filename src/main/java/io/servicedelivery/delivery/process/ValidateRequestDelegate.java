package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CATALOG_VERSION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CHANNEL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CHECKLIST_ITEMS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CURRENCY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.DESCRIPTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.EFFORT_TOLERANCE_PERCENT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.OPTIONAL_CHECKLIST_ITEMS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_EMAIL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_NAME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_TYPE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_TYPE_NAME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUIRED_SKILL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESOLUTION_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RESPONSE_CALENDAR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SERVICE_CODE;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SERVICE_NAME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.SLA_PAUSED_MINUTES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.STANDARD_EFFORT_HOURS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.TITLE;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Errors;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.intake.InvalidRequestException;
import io.servicedelivery.intake.RequestValidation;
import io.servicedelivery.intake.ServiceRequest;
import io.servicedelivery.intake.ValidatedRequest;
import io.servicedelivery.records.ServiceDeliveryRecords;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Validate request and SLA": validates the request against the catalog and binds its SLA, in the process and on the
 * delivery record. An invalid request ends in the BPMN error {@value Errors#REQUEST_INVALID}, whose message (the
 * boundary event's {@code rejectionReasons}) tells the requester why. The catalog version and its price are kept on the
 * record ({@code bindTerms}); the variables set here are for the forms and the process, and billing never reads them.
 */
@Component("validateRequest")
class ValidateRequestDelegate implements JavaDelegate {

  private final RequestValidation validation;
  private final ServiceDeliveryRecords records;
  private final SlaStandingVariables standing;

  ValidateRequestDelegate(RequestValidation validation, ServiceDeliveryRecords records, SlaStandingVariables standing) {
    this.validation = validation;
    this.records = records;
    this.standing = standing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessData data = ProcessData.of(execution);
    ServiceRequest request =
        new ServiceRequest(
            data.string(SERVICE_CODE),
            data.string(REQUEST_TYPE),
            data.string(TITLE),
            data.string(DESCRIPTION),
            data.string(PRIORITY),
            data.string(REQUESTER_NAME),
            data.string(REQUESTER_EMAIL),
            data.string(CUSTOMER_ID),
            data.string(CHANNEL));
    ValidatedRequest valid;
    try {
      valid = validation.validate(request, data.instant(RECEIVED_AT));
    } catch (InvalidRequestException invalid) {
      throw new BpmnError(Errors.REQUEST_INVALID, String.join("\n", invalid.reasons()));
    }
    records.bindSla(
        data.string(REQUEST_ID),
        valid.priority().name(),
        valid.sla().responseDueAt(),
        valid.sla().resolutionDueAt());
    // the record keeps the catalog version and its price: billing reads them from there, never from the variables
    records.bindTerms(
        data.string(REQUEST_ID),
        valid.catalogVersion(),
        valid.service().costRatePerHour(),
        valid.service().currency());
    execution.setVariable(PRIORITY, valid.priority().name());
    execution.setVariable(CATALOG_VERSION, valid.catalogVersion());
    execution.setVariable(SERVICE_NAME, valid.service().name());
    execution.setVariable(REQUEST_TYPE_NAME, valid.requestType().name());
    execution.setVariable(REQUIRED_SKILL, valid.service().requiredSkill());
    execution.setVariable(CHECKLIST_ITEMS, new ArrayList<>(valid.service().checklist()));
    execution.setVariable(OPTIONAL_CHECKLIST_ITEMS, new ArrayList<>(valid.service().optionalChecklistItems()));
    execution.setVariable(STANDARD_EFFORT_HOURS, valid.service().standardEffortHours().doubleValue());
    execution.setVariable(EFFORT_TOLERANCE_PERCENT, valid.service().effortTolerancePercent());
    execution.setVariable(COST_RATE_PER_HOUR, valid.service().costRatePerHour().doubleValue());
    execution.setVariable(CURRENCY, valid.service().currency());
    SlaVariables.write(execution, valid.sla());
    execution.setVariable(RESPONSE_CALENDAR, valid.slaTarget().responseCalendar());
    execution.setVariable(RESOLUTION_CALENDAR, valid.slaTarget().resolutionCalendar());
    execution.setVariable(SLA_PAUSED, false);
    execution.setVariable(SLA_PAUSED_MINUTES, 0);
    standing.refresh(execution);
  }
}
