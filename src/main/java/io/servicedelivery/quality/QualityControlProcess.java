package io.servicedelivery.quality;

/**
 * The names that the diagram {@code bpmn/quality-control.bpmn} (process {@code quality-control}: the automated
 * checks and the QA review of a completed delivery, and its verdict), its forms and the Java code share: messages,
 * errors, element ids, variables and the values forms submit. Nothing else in the code base spells them.
 *
 * <p>The variables the calling process passes in (its call activity maps them) are declared here, as this
 * process reads them.
 */
public final class QualityControlProcess {

  /** the process id (key) of {@code bpmn/quality-control.bpmn} */
  public static final String KEY = "quality-control";

  private QualityControlProcess() {}

  /** Ids of the BPMN elements that code and tests refer to. */
  public static final class Elements {
    public static final String RUN_AUTOMATED_CHECKS = "Task_RunAutomatedChecks";
    public static final String REVIEW_QUALITY = "Task_ReviewQuality";
    public static final String QUALITY_VERDICT = "Gateway_QualityVerdict";
    public static final String QUALITY_PASSED = "EndEvent_QualityPassed";
    public static final String QUALITY_FAILED = "EndEvent_QualityFailed";
    public static final String CAPA_REQUIRED = "Gateway_CapaRequired";
    public static final String REQUEST_CAPA = "Event_RequestCapa";
    public static final String QUALITY_FAILED_WITH_CAPA = "EndEvent_QualityFailedWithCapa";

    private Elements() {}
  }

  public static final class Variables {
    // passed in by the call activity "Verify completion and quality" of service-delivery: the request, what the
    // catalog expects of it, and what "Execute service activities" reported
    public static final String SERVICE_CODE = "serviceCode";
    public static final String SERVICE_NAME = "serviceName";
    public static final String REQUEST_ID = "requestId";
    public static final String CHECKLIST_ITEMS = "checklistItems";
    public static final String STANDARD_EFFORT_HOURS = "standardEffortHours";
    public static final String CHECKLIST_CONFIRMED = "checklistConfirmed";
    public static final String PROGRESS_STATUS = "progressStatus";
    public static final String PROGRESS_REPORT = "progressReport";
    public static final String EFFORT_HOURS = "effortHours";
    public static final String TITLE = "title";
    public static final String PRIORITY = "priority";
    /** the user id of who delivered the service */
    public static final String ALLOCATED_RESOURCE = "allocatedResource";
    public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
    /** the code of the business calendar the request's resolution time counts in; its zone is the request's */
    public static final String RESOLUTION_CALENDAR = "resolutionCalendar";
    // "Run automated checks", "Review quality" and the verdict, handed back to service-delivery
    public static final String AUTOMATED_CHECKS_PASSED = "automatedChecksPassed";
    public static final String AUTOMATED_CHECK_FINDINGS = "automatedCheckFindings";
    public static final String QUALITY_VERDICT = "qualityVerdict";
    public static final String QUALITY_FINDINGS = "qualityFindings";
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
    // what "Review quality" shows people, written by the glue (QualityReviewDisplay) before it: the due date in the
    // zone of the request's calendar, the priority by its label, who delivered by name
    public static final String PRIORITY_LABEL = "priorityLabel";
    public static final String RESOLUTION_DUE_TEXT = "resolutionDueText";
    public static final String ALLOCATED_RESOURCE_NAME = "allocatedResourceName";

    private Variables() {}
  }

  /** Values that forms submit and gateways compare. */
  public static final class Values {
    public static final String PROGRESS_DONE = "DONE";
    public static final String QUALITY_PASSED = "PASSED";
    public static final String QUALITY_FAILED = "FAILED";

    private Values() {}
  }
}
