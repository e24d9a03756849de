package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CATALOG_VERSION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CHANNEL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CHECKLIST_ITEMS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CURRENCY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.CUSTOMER_ID;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.DESCRIPTION;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.EFFORT_TOLERANCE_PERCENT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.IMPACT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.OPTIONAL_CHECKLIST_ITEMS;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_EMAIL;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_NAME;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.REQUESTER_TIME_ZONE;
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
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.URGENCY;

import io.servicedelivery.engine.ProcessData;
import io.servicedelivery.intake.NewServiceRequest;
import io.servicedelivery.intake.ServiceRequest;
import io.servicedelivery.intake.ValidatedRequest;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A service request as variables of service-delivery, in one place: what intake hands the process when a request
 * arrives (the order form submits the same names), the request read back by "Receive request" and "Validate request
 * and SLA", and what validation gives the forms and the later steps (the catalog's terms and the SLA). The record
 * keeps the request and its terms for everything the business relies on; these variables serve the diagram.
 */
final class RequestVariables {

  private RequestVariables() {}

  /** The variables a request starts the process with, with the catalog version intake accepted it under. */
  static VariableMap of(NewServiceRequest request, int catalogVersion) {
    VariableMap variables =
        Variables.createVariables()
            .putValue(CATALOG_VERSION, catalogVersion)
            .putValue(SERVICE_CODE, request.serviceCode())
            .putValue(REQUEST_TYPE, request.requestType())
            .putValue(TITLE, request.title())
            .putValue(DESCRIPTION, request.description())
            .putValue(REQUESTER_NAME, request.requester().name())
            .putValue(REQUESTER_EMAIL, request.requester().email())
            .putValue(CUSTOMER_ID, request.requester().customerId())
            .putValue(REQUESTER_TIME_ZONE, request.requester().timeZone())
            .putValue(CHANNEL, request.channel().name());
    if (request.priority() != null) {
      variables.putValue(PRIORITY, request.priority().name());
    } else {
      variables.putValue(IMPACT, request.impact().name());
      variables.putValue(URGENCY, request.urgency().name());
    }
    return variables;
  }

  /** The request as it was submitted (through intake or the order form), before validation. */
  static ServiceRequest read(VariableScope scope) {
    ProcessData data = ProcessData.of(scope);
    return new ServiceRequest(
        data.string(SERVICE_CODE),
        data.string(REQUEST_TYPE),
        data.string(TITLE),
        data.string(DESCRIPTION),
        data.string(PRIORITY),
        data.string(REQUESTER_NAME),
        data.string(REQUESTER_EMAIL),
        data.string(CUSTOMER_ID),
        data.string(CHANNEL),
        data.string(REQUESTER_TIME_ZONE));
  }

  /**
   * The catalog version intake accepted the request under, which validation holds it to; null for a request from the
   * order form, which validation checks against the version in force.
   */
  static Integer acceptedCatalogVersion(VariableScope scope) {
    return ProcessData.of(scope).integer(CATALOG_VERSION);
  }

  /** What validation found, for the forms and the later steps; the SLA clock starts unpaused. */
  static void writeValidated(VariableScope scope, ValidatedRequest valid) {
    scope.setVariable(PRIORITY, valid.priority().name());
    scope.setVariable(CATALOG_VERSION, valid.catalogVersion());
    scope.setVariable(SERVICE_NAME, valid.service().name());
    scope.setVariable(REQUEST_TYPE_NAME, valid.requestType().name());
    scope.setVariable(REQUIRED_SKILL, valid.service().requiredSkill());
    scope.setVariable(CHECKLIST_ITEMS, new ArrayList<>(valid.service().checklist()));
    scope.setVariable(OPTIONAL_CHECKLIST_ITEMS, new ArrayList<>(valid.service().optionalChecklistItems()));
    scope.setVariable(STANDARD_EFFORT_HOURS, valid.service().standardEffortHours().doubleValue());
    scope.setVariable(EFFORT_TOLERANCE_PERCENT, valid.service().effortTolerancePercent());
    scope.setVariable(COST_RATE_PER_HOUR, valid.service().costRatePerHour().doubleValue());
    scope.setVariable(CURRENCY, valid.service().currency());
    SlaVariables.write(scope, valid.sla());
    scope.setVariable(RESPONSE_CALENDAR, valid.slaTarget().responseCalendar());
    scope.setVariable(RESOLUTION_CALENDAR, valid.slaTarget().resolutionCalendar());
    scope.setVariable(SLA_PAUSED, false);
    scope.setVariable(SLA_PAUSED_MINUTES, 0);
  }
}
