package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.RECEIVED_AT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUEST_ID;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Errors;
import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.intake.InvalidRequestException;
import io.servicedelivery.intake.RequestValidation;
import io.servicedelivery.intake.ValidatedRequest;
import io.servicedelivery.records.ServiceDeliveryRecords;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Validate request and SLA": validates the request against the catalog (the version intake accepted it under, else
 * the version in force) and binds its SLA, in the process and on the
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
    ValidatedRequest valid;
    try {
      valid =
          validation.validate(
              RequestVariables.read(execution),
              data.instant(RECEIVED_AT),
              RequestVariables.acceptedCatalogVersion(execution));
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
    RequestVariables.writeValidated(execution, valid);
    standing.refresh(execution);
  }
}
