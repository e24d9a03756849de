package io.servicedelivery.delivery;

/**
 * The names shared between the BPMN files in {@code bpmn/}, the forms in {@code forms/} and the Java code: process
 * keys, messages, errors, element ids and variables. Nothing else in the code base spells them.
 */
public final class ProcessConstants {

  private ProcessConstants() {}

  public static final class ProcessKeys {
    public static final String SERVICE_DELIVERY = "service-delivery";
    public static final String RESOURCE_ALLOCATION = "resource-allocation";
    public static final String QUALITY_CONTROL = "quality-control";
    public static final String CAPA = "capa";
    // catalog-change
    public static final String CATALOG_CHANGE = "catalog-change";
    public static final String NOTIFICATION = "notification";

    private ProcessKeys() {}
  }

  public static final class DecisionKeys {
    public static final String PRIORITY_MATRIX = "priority-matrix";

    private DecisionKeys() {}
  }

  public static final class Messages {
    public static final String SERVICE_REQUEST_SUBMITTED = "ServiceRequestSubmitted";
    public static final String SERVICE_REQUEST_CANCELLED = "ServiceRequestCancelled";
    public static final String CUSTOMER_INFORMATION_RECEIVED = "CustomerInformationReceived";
    public static final String ASSIGNEE_ABSENT = "AssigneeAbsent";
    public static final String CAPA_REQUESTED = "CapaRequested";
    public static final String NOTIFICATION_QUEUED = "NotificationQueued";

    private Messages() {}
  }

  public static final class Errors {
    public static final String REQUEST_INVALID = "REQUEST_INVALID";
    public static final String REQUEST_ABANDONED = "REQUEST_ABANDONED";

    private Errors() {}
  }

  /** Ids of the BPMN elements that code and tests refer to. */
  public static final class Elements {
    // service-delivery
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
    public static final String HANDLE_SLA_BREACH = "Task_HandleSlaBreach";
    public static final String NOTIFY_COMPLETION = "Task_NotifyCompletion";
    public static final String CLOSE_REQUEST = "Task_CloseRequest";
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
    // resource-allocation
    public static final String ALLOCATE_RESOURCE = "Task_AllocateResource";
    public static final String RESOURCE_FOUND = "Gateway_ResourceFound";
    public static final String REPLAN_RESOURCES = "Task_ReplanResources";
    public static final String RESOURCE_ALLOCATED = "EndEvent_ResourceAllocated";
    public static final String REPLANNING_OVERDUE = "BoundaryEvent_ReplanningOverdue";
    public static final String ESCALATE_LATE_REPLANNING = "Task_EscalateLateReplanning";
    public static final String REVIEW_RESOURCE_SHORTAGE = "Task_ReviewResourceShortage";
    public static final String REPLANNING_ESCALATED = "EndEvent_ReplanningEscalated";
    public static final String REPLAN_DECISION = "Gateway_ReplanDecision";
    public static final String RESERVE_CHOSEN_RESOURCE = "Task_ReserveChosenResource";
    public static final String CHOSEN_RESOURCE_FITS = "Gateway_ChosenResourceFits";
    public static final String CHOSEN_RESOURCE_RESERVED = "EndEvent_ChosenResourceReserved";
    public static final String POSTPONEMENT_OVER = "TimerEvent_PostponementOver";
    public static final String ESCALATE_RESOURCE_SHORTAGE = "Task_EscalateResourceShortage";
    public static final String RESOLVE_RESOURCE_SHORTAGE = "Task_ResolveResourceShortage";
    // quality-control
    public static final String RUN_AUTOMATED_CHECKS = "Task_RunAutomatedChecks";
    public static final String REVIEW_QUALITY = "Task_ReviewQuality";
    public static final String QUALITY_VERDICT = "Gateway_QualityVerdict";
    public static final String QUALITY_PASSED = "EndEvent_QualityPassed";
    public static final String QUALITY_FAILED = "EndEvent_QualityFailed";
    public static final String CAPA_REQUIRED = "Gateway_CapaRequired";
    public static final String REQUEST_CAPA = "Event_RequestCapa";
    public static final String QUALITY_FAILED_WITH_CAPA = "EndEvent_QualityFailedWithCapa";
    // capa
    public static final String CAPA_REQUESTED = "StartEvent_CapaRequested";
    public static final String CAPA_STARTED = "StartEvent_CapaStarted";
    public static final String OPEN_CAPA = "Task_OpenCapa";
    public static final String CAPA_SCOPE = "SubProcess_Capa";
    public static final String ANALYSE_ROOT_CAUSE = "Task_AnalyseRootCause";
    public static final String PLAN_CORRECTIVE_ACTION = "Task_PlanCorrectiveAction";
    public static final String IMPLEMENT_ACTIONS = "Task_ImplementActions";
    public static final String ACTIONS_OVERDUE = "BoundaryEvent_ActionsOverdue";
    public static final String ESCALATE_OVERDUE_ACTIONS = "Task_EscalateOverdueActions";
    public static final String VERIFY_EFFECTIVENESS = "Task_VerifyEffectiveness";
    public static final String ACTIONS_EFFECTIVE = "Gateway_ActionsEffective";
    public static final String CLOSE_CAPA = "Task_CloseCapa";
    public static final String CAPA_CLOSED = "EndEvent_CapaClosed";
    public static final String CAPA_OVERDUE = "BoundaryEvent_CapaOverdue";
    public static final String ESCALATE_OVERDUE_CAPA = "Task_EscalateOverdueCapa";
    public static final String CAPA_ESCALATED = "EndEvent_CapaEscalated";
    // catalog-change
    public static final String CATALOG_CHANGE_PROPOSED = "StartEvent_CatalogChangeProposed";
    public static final String REVIEW_CATALOG_CHANGE = "Task_ReviewCatalogChange";
    public static final String CATALOG_CHANGE_APPROVED = "Gateway_CatalogChangeApproved";
    public static final String PUBLISH_CATALOG_VERSION = "Task_PublishCatalogVersion";
    public static final String CATALOG_VERSION_PUBLISHED = "EndEvent_CatalogVersionPublished";
    public static final String RECORD_CATALOG_REJECTION = "Task_RecordCatalogRejection";
    public static final String CATALOG_CHANGE_REJECTED = "EndEvent_CatalogChangeRejected";
    // notification
    public static final String NOTIFICATION_QUEUED = "StartEvent_NotificationQueued";
    public static final String SEND_MAIL = "Task_SendMail";
    public static final String MAIL_SENT = "EndEvent_MailSent";

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
    public static final String CHANNEL = "channel";
    // A: receive request
    public static final String REQUEST_ID = "requestId";
    public static final String RECEIVED_AT = "receivedAt";
    // B: validate request and bind the SLA
    public static final String SERVICE_NAME = "serviceName";
    public static final String REQUEST_TYPE_NAME = "requestTypeName";
    public static final String REQUIRED_SKILL = "requiredSkill";
    public static final String CHECKLIST_ITEMS = "checklistItems";
    public static final String STANDARD_EFFORT_HOURS = "standardEffortHours";
    public static final String COST_RATE_PER_HOUR = "costRatePerHour";
    /** the ISO 4217 code of the currency the catalog's rate is in */
    public static final String CURRENCY = "currency";
    public static final String RESPONSE_DUE_AT = "responseDueAt";
    public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
    /** the second warning, for the diagram until it uses the three warnings below */
    /** when the first, second and third warning thresholds of the resolution time are reached (Date) */
    public static final String SLA_WARNING_1_AT = "slaWarning1At";
    public static final String SLA_WARNING_2_AT = "slaWarning2At";
    public static final String SLA_WARNING_3_AT = "slaWarning3At";
    /** the codes of the business calendars the response and the resolution time count in */
    public static final String RESPONSE_CALENDAR = "responseCalendar";
    public static final String RESOLUTION_CALENDAR = "resolutionCalendar";
    public static final String REJECTION_REASONS = "rejectionReasons";
    // C: plan delivery and allocate resources
    public static final String PLANNED_START = "plannedStart";
    public static final String PLANNED_COMPLETION = "plannedCompletion";
    public static final String DELIVERY_INSTRUCTIONS = "deliveryInstructions";
    public static final String PLANNED_AT = "plannedAt";
    /** why the plan ends after the resolution due time; required only then */
    public static final String PLAN_DEVIATION_REASON = "planDeviationReason";
    public static final String ALLOCATED_RESOURCE = "allocatedResource";
    public static final String RESOURCE_ALLOCATED = "resourceAllocated";
    public static final String ALLOCATION_NOTE = "allocationNote";
    /** the lowest skill level (1-5) the request needs; absent when any level will do */
    public static final String REQUIRED_SKILL_LEVEL = "requiredSkillLevel";
    /** the person a resource analyst chose when re-planning */
    public static final String PREFERRED_RESOURCE = "preferredResource";
    public static final String REPLAN_NOTE = "replanNote";
    /** ASSIGN, POSTPONE or ESCALATE */
    public static final String REPLAN_DECISION = "replanDecision";
    /** when a postponed allocation is tried again */
    public static final String POSTPONE_UNTIL = "postponeUntil";
    /** input parameter of the escalation tasks: why the operations managers are called in */
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String SHORTAGE_RESOLUTION = "shortageResolution";
    /** input parameter of the release tasks: COMPLETED, CANCELLED or REASSIGNED */
    public static final String RELEASE_REASON = "releaseReason";
    /** the assignee whose absence started the reassignment */
    public static final String ABSENT_RESOURCE = "absentResource";
    // D: execute service activities
    public static final String CHECKLIST_CONFIRMED = "checklistConfirmed";
    public static final String PROGRESS_STATUS = "progressStatus";
    public static final String PROGRESS_REPORT = "progressReport";
    public static final String EFFORT_HOURS = "effortHours";
    /** what the materials used cost, in the catalog's currency; 0 or more */
    public static final String MATERIALS_COST = "materialsCost";
    // E-G: monitor progress, corrective action
    public static final String SLA_CONSUMED_PERCENT = "slaConsumedPercent";
    public static final String ISSUES_OR_DELAYS = "issuesOrDelays";
    public static final String MONITORING_SUMMARY = "monitoringSummary";
    public static final String CORRECTIVE_ACTION = "correctiveAction";
    public static final String CORRECTIVE_OUTCOME = "correctiveOutcome";
    // H: complete service delivery
    public static final String COMPLETED_AT = "completedAt";
    public static final String COST = "cost";
    // I: quality control and rework
    public static final String AUTOMATED_CHECKS_PASSED = "automatedChecksPassed";
    public static final String AUTOMATED_CHECK_FINDINGS = "automatedCheckFindings";
    public static final String QUALITY_VERDICT = "qualityVerdict";
    public static final String QUALITY_FINDINGS = "qualityFindings";
    public static final String REWORK_COUNT = "reworkCount";
    /** what the catalog says about the checks: the items that need no confirmation, the effort tolerance in % */
    public static final String OPTIONAL_CHECKLIST_ITEMS = "optionalChecklistItems";
    public static final String EFFORT_TOLERANCE_PERCENT = "effortTolerancePercent";
    /** 1 for the first review of a request, 2 after the first rework, ... */
    public static final String REVIEW_ROUND = "reviewRound";
    /** the findings of the earlier rounds, one a line, for the review form */
    public static final String PREVIOUS_FINDINGS = "previousFindings";
    /** MINOR, MAJOR or CRITICAL: the severity of the findings of a failed review */
    public static final String FINDING_SEVERITY = "findingSeverity";
    public static final String CAPA_REQUIRED = "capaRequired";
    // capa (CAPA_TRIGGER and CAPA_ID also in quality-control: why a CAPA is requested, the one the request joined)
    public static final String CAPA_TRIGGER = "capaTrigger";
    public static final String CAPA_ID = "capaId";
    public static final String CAPA_TITLE = "capaTitle";
    public static final String CAPA_PROBLEM = "capaProblem";
    public static final String CAPA_SERVICE_CODE = "capaServiceCode";
    public static final String CAPA_REQUEST_ID = "capaRequestId";
    public static final String CAPA_REVIEW_ROUND = "capaReviewRound";
    public static final String CAPA_OPENED_BY = "capaOpenedBy";
    public static final String CAPA_DUE_AT = "capaDueAt";
    /** the requests linked to the CAPA, one a line, for the forms */
    public static final String CAPA_REQUESTS = "capaRequests";
    public static final String CAUSE_CATEGORY = "causeCategory";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String PLAN_REVISION = "planRevision";
    public static final String CORRECTIVE_ACTIONS = "correctiveActions";
    public static final String ACTION_OWNER = "actionOwner";
    public static final String ACTION_DUE_AT = "actionDueAt";
    public static final String IMPLEMENTATION_NOTE = "implementationNote";
    public static final String ACTIONS_EFFECTIVE = "actionsEffective";
    public static final String VERIFICATION_NOTE = "verificationNote";
    /** ACTIONS_OVERDUE or CAPA_OVERDUE: input parameter of the escalation tasks */
    public static final String ESCALATION_KIND = "escalationKind";
    public static final String FOLLOW_UP_NOTE = "followUpNote";
    // SLA breach
    public static final String SLA_BREACHED = "slaBreached";
    public static final String BREACH_CAUSE = "breachCause";
    public static final String BREACH_ANALYSIS = "breachAnalysis";
    public static final String PREVENTIVE_ACTION = "preventiveAction";
    // waiting for the customer
    public static final String CUSTOMER_QUESTION = "customerQuestion";
    public static final String CUSTOMER_RESPONSE = "customerResponse";
    /** when the request is closed as abandoned if the customer has not answered */
    public static final String CUSTOMER_ANSWER_DUE_AT = "customerAnswerDueAt";
    // the SLA clock: paused while waiting for the customer; the business minutes it stood still so far
    public static final String SLA_PAUSED = "slaPaused";
    public static final String SLA_PAUSED_MINUTES = "slaPausedMinutes";
    // where the request stands against its resolution time, for Cockpit and the forms, as of slaCheckedAt
    /** ON_TRACK, AT_RISK, BREACHED or PAUSED */
    public static final String SLA_STATE = "slaState";
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
    // notification: the queued mail it sends (table notification_mail)
    public static final String NOTIFICATION_MAIL_ID = "notificationMailId";
    // catalog-change (and the catalog version a request of service-delivery was validated against)
    public static final String CATALOG_VERSION = "catalogVersion";
    public static final String CATALOG_CHANGE_REQUEST_ID = "catalogChangeRequestId";
    public static final String CATALOG_CHANGE_SERVICE_CODE = "catalogChangeServiceCode";
    public static final String CATALOG_CHANGE_SERVICE_NAME = "catalogChangeServiceName";
    public static final String CATALOG_CHANGE_PROPOSED_BY = "catalogChangeProposedBy";
    public static final String CATALOG_CHANGE_EFFECTIVE_FROM = "catalogChangeEffectiveFrom";
    public static final String CATALOG_CHANGE_REASON = "catalogChangeReason";
    public static final String CATALOG_CHANGE_SUMMARY = "catalogChangeSummary";
    public static final String CATALOG_CHANGE_DECISION = "catalogChangeDecision";
    public static final String CATALOG_CHANGE_COMMENT = "catalogChangeComment";
    public static final String CATALOG_CHANGE_REVIEWED_BY = "catalogChangeReviewedBy";
    public static final String CATALOG_CHANGE_PUBLISHED_VERSION = "catalogChangePublishedVersion";

    private Variables() {}
  }

  /** Values that forms submit and gateways compare. */
  public static final class Values {
    public static final String PROGRESS_DONE = "DONE";
    public static final String PROGRESS_ISSUE = "ISSUE";
    public static final String PROGRESS_WAITING_FOR_CUSTOMER = "WAITING_FOR_CUSTOMER";
    public static final String CORRECTIVE_RESOLVED = "RESOLVED";
    public static final String CORRECTIVE_MORE_WORK = "MORE_WORK";
    public static final String QUALITY_PASSED = "PASSED";
    public static final String QUALITY_FAILED = "FAILED";
    // resource-allocation: the resource analyst's decision when nobody fits
    public static final String REPLAN_ASSIGN = "ASSIGN";
    public static final String REPLAN_POSTPONE = "POSTPONE";
    public static final String REPLAN_ESCALATE = "ESCALATE";
    // capa
    public static final String ACTIONS_EFFECTIVE = "EFFECTIVE";
    public static final String ACTIONS_NOT_EFFECTIVE = "NOT_EFFECTIVE";
    public static final String ESCALATION_ACTIONS_OVERDUE = "ACTIONS_OVERDUE";
    public static final String ESCALATION_CAPA_OVERDUE = "CAPA_OVERDUE";
    // catalog-change
    public static final String CATALOG_CHANGE_APPROVE = "APPROVE";
    public static final String CATALOG_CHANGE_REJECT = "REJECT";

    private Values() {}
  }
}
