package io.servicedelivery.delivery;

import io.servicedelivery.notification.NotificationProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.sla.SlaState;

/**
 * The names that the diagram {@code bpmn/service-delivery.bpmn} (process {@code service-delivery}: the main flow
 * of a service request, from receipt to closure), its forms and the Java code share: messages, errors, element
 * ids, variables and the values forms submit. Nothing else in the code base spells them.
 *
 * <p>A variable that a call activity passes to or from a called process is declared by the called process, and
 * named here after it.
 */
public final class ServiceDeliveryProcess {

  /** the process id (key) of {@code bpmn/service-delivery.bpmn} */
  public static final String KEY = "service-delivery";

  /** the decision table that gives a request without a priority its priority, from impact and urgency */
  public static final String PRIORITY_MATRIX = "priority-matrix";

  private ServiceDeliveryProcess() {}

  public static final class Messages {
    public static final String SERVICE_REQUEST_SUBMITTED = "ServiceRequestSubmitted";
    public static final String SERVICE_REQUEST_CANCELLED = "ServiceRequestCancelled";
    public static final String CUSTOMER_INFORMATION_RECEIVED = "CustomerInformationReceived";
    public static final String ASSIGNEE_ABSENT = "AssigneeAbsent";
    /** the customer confirms the completed delivery */
    public static final String DELIVERY_CONFIRMED = "DeliveryConfirmed";
    /** the customer objects to the completed delivery; the request is reopened as rework */
    public static final String DELIVERY_OBJECTED = "DeliveryObjected";

    private Messages() {}
  }

  public static final class Errors {
    public static final String REQUEST_INVALID = "REQUEST_INVALID";
    public static final String REQUEST_ABANDONED = "REQUEST_ABANDONED";

    private Errors() {}
  }

  /** Ids of the BPMN elements that code and tests refer to. */
  public static final class Elements {
    public static final String ORDER_FORM_SUBMITTED = "StartEvent_OrderFormSubmitted";
    public static final String SERVICE_REQUEST_SUBMITTED = "StartEvent_ServiceRequestSubmitted";
    public static final String RECEIVE_REQUEST = "Task_ReceiveRequest";
    public static final String PRIORITY_GIVEN = "Gateway_PriorityGiven";
    public static final String DETERMINE_PRIORITY = "Task_DeterminePriority";
    public static final String VALIDATE_REQUEST = "Task_ValidateRequest";
    public static final String REQUEST_INVALID = "BoundaryEvent_RequestInvalid";
    public static final String NOTIFY_REJECTION = "Task_NotifyRejection";
    public static final String CLOSE_REJECTED_REQUEST = "Task_CloseRejectedRequest";
    public static final String REQUEST_REJECTED = "EndEvent_RequestRejected";
    public static final String ACKNOWLEDGE_REQUEST = "Task_AcknowledgeRequest";
    public static final String PLAN_DELIVERY = "Task_PlanDelivery";
    public static final String RESPONSE_TIME_PASSED = "BoundaryEvent_ResponseTimePassed";
    public static final String ESCALATE_LATE_PLANNING = "Task_EscalateLatePlanning";
    public static final String MANAGERS_ALERTED = "EndEvent_ManagersAlerted";
    public static final String ALLOCATE_RESOURCES = "CallActivity_AllocateResources";
    public static final String DELIVER_SERVICE = "SubProcess_DeliverService";
    public static final String EXECUTE_SERVICE_ACTIVITIES = "Task_ExecuteServiceActivities";
    public static final String CUSTOMER_INPUT_NEEDED = "Gateway_CustomerInputNeeded";
    public static final String ASK_CUSTOMER = "Task_AskCustomer";
    public static final String WAIT_FOR_CUSTOMER = "Task_WaitForCustomer";
    public static final String NO_ANSWER_IN_TIME = "BoundaryEvent_NoAnswerInTime";
    public static final String CUSTOMER_DID_NOT_ANSWER = "EndEvent_CustomerDidNotAnswer";
    public static final String REQUEST_ABANDONED = "BoundaryEvent_RequestAbandoned";
    public static final String RELEASE_ABANDONED_RESOURCES = "Task_ReleaseAbandonedResources";
    public static final String CLOSE_ABANDONED_REQUEST = "Task_CloseAbandonedRequest";
    public static final String NOTIFY_ABANDONMENT = "Task_NotifyAbandonment";
    public static final String REQUEST_CLOSED_UNANSWERED = "EndEvent_RequestAbandoned";
    public static final String MONITOR_PROGRESS = "Task_MonitorProgress";
    public static final String ISSUES_OR_DELAYS = "Gateway_IssuesOrDelays";
    public static final String TAKE_CORRECTIVE_ACTION = "Task_TakeCorrectiveAction";
    public static final String MORE_WORK_NEEDED = "Gateway_MoreWorkNeeded";
    public static final String COMPLETE_SERVICE_DELIVERY = "Task_CompleteServiceDelivery";
    public static final String VERIFY_COMPLETION = "CallActivity_VerifyCompletion";
    public static final String QUALITY_APPROVED = "Gateway_QualityApproved";
    public static final String REGISTER_REWORK = "Task_RegisterRework";
    public static final String SLA_WARNING_1_REACHED = "BoundaryEvent_SlaWarning1Reached";
    public static final String SLA_WARNING_2_REACHED = "BoundaryEvent_SlaWarning2Reached";
    public static final String SLA_WARNING_3_REACHED = "BoundaryEvent_SlaWarning3Reached";
    public static final String SLA_WARNING_DUE = "Gateway_SlaWarningDue";
    public static final String SEND_SLA_WARNING = "Task_SendSlaWarning";
    public static final String SLA_BREACHED = "BoundaryEvent_SlaBreached";
    public static final String FLAG_SLA_BREACH = "Task_FlagSlaBreach";
    public static final String FIRST_BREACH = "Gateway_FirstBreach";
    public static final String BREACH_HANDLED_BEFORE = "EndEvent_BreachHandledBefore";
    public static final String HANDLE_SLA_BREACH = "Task_HandleSlaBreach";
    /** the reminder to the customer one working day before a waiting request would be closed as abandoned */
    public static final String REMINDER_DUE = "BoundaryEvent_ReminderDue";
    public static final String REMIND_CUSTOMER = "Task_RemindCustomer";
    public static final String CUSTOMER_REMINDED = "EndEvent_CustomerReminded";
    // after the delivery: resolved, then confirmed, reopened or closed by silence
    public static final String DELIVERY_MERGE = "Gateway_DeliveryMerge";
    public static final String RESOLVE_REQUEST = "Task_ResolveRequest";
    /** the completion mail, which asks the customer to confirm or object */
    public static final String NOTIFY_COMPLETION = "Task_NotifyCompletion";
    public static final String AWAIT_CONFIRMATION = "Gateway_AwaitConfirmation";
    public static final String DELIVERY_CONFIRMED = "Event_DeliveryConfirmed";
    public static final String DELIVERY_OBJECTED = "Event_DeliveryObjected";
    public static final String CONFIRMATION_PERIOD_ENDED = "Event_ConfirmationPeriodEnded";
    public static final String REOPEN_REQUEST = "Task_ReopenRequest";
    public static final String CLOSURE_MERGE = "Gateway_ClosureMerge";
    public static final String CLOSE_REQUEST = "Task_CloseRequest";
    /** the closing mail, with the invitation to rate the delivery */
    public static final String NOTIFY_CLOSURE = "Task_NotifyClosure";
    public static final String REQUEST_CLOSED = "EndEvent_RequestClosed";
    public static final String CANCELLATION = "SubProcess_Cancellation";
    public static final String SERVICE_REQUEST_CANCELLED = "StartEvent_ServiceRequestCancelled";
    public static final String RELEASE_RESOURCES = "Task_ReleaseResources";
    public static final String NOTIFY_CANCELLATION = "Task_NotifyCancellation";
    public static final String CLOSE_CANCELLED_REQUEST = "Task_CloseCancelledRequest";
    public static final String REQUEST_CANCELLED = "EndEvent_RequestCancelled";
    public static final String REASSIGNMENT = "SubProcess_Reassignment";
    public static final String ASSIGNEE_ABSENT = "StartEvent_AssigneeAbsent";
    public static final String RELEASE_ABSENT_ASSIGNEE = "Task_ReleaseAbsentAssignee";
    public static final String REALLOCATE_RESOURCES = "CallActivity_ReallocateResources";
    public static final String HAND_OVER_EXECUTION = "Task_HandOverExecution";
    public static final String EXECUTION_HANDED_OVER = "EndEvent_ExecutionHandedOver";
    public static final String PRIORITY_CHANGE = "SubProcess_PriorityChange";
    public static final String PRIORITY_CHANGE_REQUESTED = "StartEvent_PriorityChangeRequested";
    public static final String RECALCULATE_SLA = "Task_RecalculateSla";
    public static final String SLA_RECALCULATED = "EndEvent_SlaRecalculated";

    private Elements() {}
  }

  public static final class Variables {
    // the request as submitted (order form, message start event)
    public static final String SERVICE_CODE = "serviceCode";
    public static final String REQUEST_TYPE = "requestType";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String PRIORITY = "priority";
    /** instead of a priority: how much of the business is affected, and how soon it hurts (HIGH, MEDIUM, LOW) */
    public static final String IMPACT = "impact";
    public static final String URGENCY = "urgency";
    public static final String REQUESTER_NAME = "requesterName";
    public static final String REQUESTER_EMAIL = "requesterEmail";
    public static final String CUSTOMER_ID = "customerId";
    /** the requester's IANA time zone, when the request gave one; the record keeps it for the mails */
    public static final String REQUESTER_TIME_ZONE = "requesterTimeZone";
    public static final String CHANNEL = "channel";
    // Receive request
    public static final String REQUEST_ID = "requestId";
    public static final String RECEIVED_AT = "receivedAt";
    // Validate request and SLA: the catalog's terms and the SLA bound to the request
    public static final String SERVICE_NAME = "serviceName";
    public static final String REQUEST_TYPE_NAME = "requestTypeName";
    public static final String REQUIRED_SKILL = ResourceAllocationProcess.Variables.REQUIRED_SKILL;
    public static final String CHECKLIST_ITEMS = QualityControlProcess.Variables.CHECKLIST_ITEMS;
    public static final String STANDARD_EFFORT_HOURS = QualityControlProcess.Variables.STANDARD_EFFORT_HOURS;
    public static final String COST_RATE_PER_HOUR = "costRatePerHour";
    /** the ISO 4217 code of the currency the catalog's rate is in */
    public static final String CURRENCY = "currency";
    public static final String RESPONSE_DUE_AT = "responseDueAt";
    public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
    /** The due dates and the priority as people read them: in the request's calendar's zone, by label. */
    public static final String RESPONSE_DUE_TEXT = ResourceAllocationProcess.Variables.RESPONSE_DUE_TEXT;
    public static final String RESOLUTION_DUE_TEXT = ResourceAllocationProcess.Variables.RESOLUTION_DUE_TEXT;
    public static final String PRIORITY_LABEL = ResourceAllocationProcess.Variables.PRIORITY_LABEL;
    /** the second warning, for the diagram until it uses the three warnings below */
    /** when the first, second and third warning thresholds of the resolution time are reached (Date) */
    public static final String SLA_WARNING_1_AT = "slaWarning1At";
    public static final String SLA_WARNING_2_AT = "slaWarning2At";
    public static final String SLA_WARNING_3_AT = "slaWarning3At";
    /**
     * how many of the warnings were sent: a request reopened after its resolution enters "Deliver service" again, and
     * the warnings it had before fire again at once; they are not sent twice
     */
    public static final String SLA_WARNINGS_SENT = "slaWarningsSent";
    /** the codes of the business calendars the response and the resolution time count in */
    public static final String RESPONSE_CALENDAR = "responseCalendar";
    public static final String RESOLUTION_CALENDAR = "resolutionCalendar";
    public static final String REJECTION_REASONS = "rejectionReasons";
    // Plan delivery, Allocate resources
    public static final String PLANNED_START = ResourceAllocationProcess.Variables.PLANNED_START;
    public static final String PLANNED_COMPLETION = ResourceAllocationProcess.Variables.PLANNED_COMPLETION;
    /**
     * the plan as people read it, in the resolution calendar's zone; the form enters the plan as wall-clock times
     * without an offset ("2026-12-08T10:00"), which mean that zone's time
     */
    public static final String PLANNED_START_TEXT = ResourceAllocationProcess.Variables.PLANNED_START_TEXT;
    public static final String PLANNED_COMPLETION_TEXT = ResourceAllocationProcess.Variables.PLANNED_COMPLETION_TEXT;
    /** the zone the plan is entered and read in: "Europe/Berlin (CET)" */
    public static final String PLAN_TIME_ZONE_TEXT = "planTimeZoneText";
    public static final String DELIVERY_INSTRUCTIONS = "deliveryInstructions";
    public static final String PLANNED_AT = "plannedAt";
    /** why the plan ends after the resolution due time; required only then */
    public static final String PLAN_DEVIATION_REASON = "planDeviationReason";
    public static final String ALLOCATED_RESOURCE = ResourceAllocationProcess.Variables.ALLOCATED_RESOURCE;
    /** the name of the person assigned, for the forms */
    public static final String ALLOCATED_RESOURCE_NAME = "allocatedResourceName";
    /** input parameter of the release tasks: COMPLETED, CANCELLED or REASSIGNED */
    public static final String RELEASE_REASON = "releaseReason";
    /** the assignee whose absence started the reassignment */
    public static final String ABSENT_RESOURCE = "absentResource";
    // Execute service activities
    public static final String PROGRESS_STATUS = QualityControlProcess.Variables.PROGRESS_STATUS;
    public static final String PROGRESS_REPORT = QualityControlProcess.Variables.PROGRESS_REPORT;
    public static final String EFFORT_HOURS = QualityControlProcess.Variables.EFFORT_HOURS;
    /** what the materials used cost, in the catalog's currency; 0 or more */
    public static final String MATERIALS_COST = "materialsCost";
    /**
     * an optional comment of the assignee's to the customer: kept as a comment the customer reads (and gets by mail)
     * when the task is completed, then emptied for the next round
     */
    public static final String CUSTOMER_COMMENT = "customerComment";
    // Monitor progress and quality, Take corrective action
    public static final String SLA_CONSUMED_PERCENT = "slaConsumedPercent";
    public static final String ISSUES_OR_DELAYS = "issuesOrDelays";
    public static final String MONITORING_SUMMARY = "monitoringSummary";
    public static final String CORRECTIVE_ACTION = "correctiveAction";
    public static final String CORRECTIVE_OUTCOME = "correctiveOutcome";
    // Complete service delivery
    public static final String COMPLETED_AT = "completedAt";
    public static final String COST = "cost";
    // Verify completion and quality, Register rework
    public static final String REWORK_COUNT = "reworkCount";
    /** what the catalog says about the checks: the items that need no confirmation, the effort tolerance in % */
    public static final String OPTIONAL_CHECKLIST_ITEMS = QualityControlProcess.Variables.OPTIONAL_CHECKLIST_ITEMS;
    public static final String EFFORT_TOLERANCE_PERCENT = QualityControlProcess.Variables.EFFORT_TOLERANCE_PERCENT;
    // SLA breach
    public static final String SLA_BREACHED = "slaBreached";
    /**
     * whether "Flag SLA breach" flagged the request for the first time: a request reopened after a late resolution
     * enters "Deliver service" again and its breach timer fires again at once; the managers handle a breach once
     */
    public static final String FIRST_BREACH = "firstBreach";
    public static final String BREACH_CAUSE = "breachCause";
    public static final String BREACH_ANALYSIS = "breachAnalysis";
    public static final String PREVENTIVE_ACTION = "preventiveAction";
    // waiting for the customer
    public static final String CUSTOMER_QUESTION = "customerQuestion";
    public static final String CUSTOMER_RESPONSE = "customerResponse";
    /** when the request is closed as abandoned if the customer has not answered */
    public static final String CUSTOMER_ANSWER_DUE_AT = "customerAnswerDueAt";
    /** when the customer is reminded of the question: one working day before the answer is due */
    public static final String CUSTOMER_REMINDER_AT = "customerReminderAt";
    // after completion: the customer confirms or objects
    /** what the customer said was wrong with the completed delivery */
    public static final String CUSTOMER_OBJECTION = "customerObjection";
    /** when the request was resolved (passed its quality check) */
    public static final String RESOLVED_AT = "resolvedAt";
    /** until when the customer may object; the request closes by itself then (Date) */
    public static final String CONFIRMATION_DUE_AT = "confirmationDueAt";
    /** how the request was closed: CONFIRMED or NO_OBJECTION (records' ClosedBy) */
    public static final String CLOSED_BY = "closedBy";
    /** how often the customer objected and the request was reopened */
    public static final String REOPEN_COUNT = "reopenCount";
    /** the links of the mails: confirm, object, and rate 1 to 5 (a list, index 0 is the rating 1) */
    public static final String CONFIRM_LINK = "confirmLink";
    public static final String OBJECT_LINK = "objectLink";
    public static final String RATING_LINKS = "ratingLinks";
    // the SLA clock: paused while waiting for the customer; the business minutes it stood still so far
    public static final String SLA_PAUSED = "slaPaused";
    public static final String SLA_PAUSED_MINUTES = "slaPausedMinutes";
    // where the request stands against its resolution time, for Cockpit and the forms, as of slaCheckedAt
    /** ON_TRACK, AT_RISK, BREACHED or PAUSED */
    public static final String SLA_STATE = SlaState.VARIABLE;
    /** the working minutes of the resolution calendar left until the resolution is due, 0 once it has passed */
    public static final String SLA_REMAINING_MINUTES = "slaRemainingMinutes";
    public static final String SLA_CHECKED_AT = "slaCheckedAt";
    /** all of it in one sentence, for the forms */
    public static final String SLA_SUMMARY = "slaSummary";
    // a priority change asked for by an operations manager (corrective action form or API)
    public static final String NEW_PRIORITY = "newPriority";
    public static final String PRIORITY_CHANGE_REASON = "priorityChangeReason";
    // cancellation
    public static final String CANCELLATION_REASON = "cancellationReason";
    // input parameters of the shared close and notify tasks
    public static final String REQUEST_OUTCOME = "requestOutcome";
    public static final String NOTIFICATION_TYPE = "notificationType";
    // the queued mail a send task hands to the process notification (table notification_mail)
    public static final String NOTIFICATION_MAIL_ID = NotificationProcess.Variables.NOTIFICATION_MAIL_ID;
    // the catalog version the request was validated against
    public static final String CATALOG_VERSION = "catalogVersion";

    private Variables() {}
  }

  /**
   * The order form ({@code forms/start-service-request.form}, the start form of {@code StartEvent_OrderFormSubmitted})
   * and the names of its input data: the options it offers from the catalog in force, never variables it submits.
   */
  public static final class OrderForm {
    public static final String FORM_ID = "start-service-request";
    /** the services in force, as options ({@code label}, {@code value}) of the field {@code serviceCode} */
    public static final String SERVICES = "services";
    /**
     * the request types of the services in force, as options with the code of their {@code service}: the field
     * {@code requestType} offers those of the chosen service ({@code =requestTypes[service = serviceCode]})
     */
    public static final String REQUEST_TYPES = "requestTypes";

    private OrderForm() {}
  }

  /** Values that forms submit and gateways compare. */
  public static final class Values {
    public static final String PROGRESS_DONE = QualityControlProcess.Values.PROGRESS_DONE;
    public static final String PROGRESS_ISSUE = "ISSUE";
    public static final String PROGRESS_WAITING_FOR_CUSTOMER = "WAITING_FOR_CUSTOMER";
    public static final String CORRECTIVE_RESOLVED = "RESOLVED";
    public static final String CORRECTIVE_MORE_WORK = "MORE_WORK";
    public static final String CLOSED_BY_CONFIRMATION = "CONFIRMED";
    public static final String CLOSED_BY_NO_OBJECTION = "NO_OBJECTION";

    private Values() {}
  }
}
