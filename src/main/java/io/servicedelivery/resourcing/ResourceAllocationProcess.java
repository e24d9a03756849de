package io.servicedelivery.resourcing;

/**
 * The names that the diagram {@code bpmn/resource-allocation.bpmn} (process {@code resource-allocation}: finding a
 * person with the skill, the capacity and the time for a request; re-planning and escalation when nobody fits),
 * its forms and the Java code share: messages, errors, element ids, variables and the values forms submit. Nothing
 * else in the code base spells them.
 *
 * <p>The variables the calling process passes in (its call activity maps them) are declared here, as this
 * process reads them.
 */
public final class ResourceAllocationProcess {

  /** the process id (key) of {@code bpmn/resource-allocation.bpmn} */
  public static final String KEY = "resource-allocation";

  private ResourceAllocationProcess() {}

  /** Ids of the BPMN elements that code and tests refer to. */
  public static final class Elements {
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

    private Elements() {}
  }

  public static final class Variables {
    // passed in by the call activities "Allocate resources" and "Reallocate resources" of service-delivery: the
    // request, the skill it needs and when it is planned ("Plan delivery"; without a planned completion the
    // reservation lasts until the resolution due time)
    public static final String REQUEST_ID = "requestId";
    public static final String REQUIRED_SKILL = "requiredSkill";
    public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
    public static final String PLANNED_START = "plannedStart";
    public static final String PLANNED_COMPLETION = "plannedCompletion";
    // ... and the same as people read them in the forms: the priority by its label, the times in the request's
    // calendar's zone ("Wed 9 Dec 2026, 11:00 CET")
    public static final String PRIORITY_LABEL = "priorityLabel";
    public static final String RESPONSE_DUE_TEXT = "responseDueText";
    public static final String RESOLUTION_DUE_TEXT = "resolutionDueText";
    public static final String PLANNED_START_TEXT = "plannedStartText";
    public static final String PLANNED_COMPLETION_TEXT = "plannedCompletionText";
    // "Allocate resource", "Re-plan resources" and their outcome, handed back to service-delivery
    public static final String ALLOCATED_RESOURCE = "allocatedResource";
    public static final String RESOURCE_ALLOCATED = "resourceAllocated";
    public static final String ALLOCATION_NOTE = "allocationNote";
    /** the lowest skill level (1-5) the request needs; absent when any level will do */
    public static final String REQUIRED_SKILL_LEVEL = "requiredSkillLevel";
    /**
     * the people "Re-plan resources" offers, those of the pool with the required skill, as a picker lists them:
     * {@code [{"label": name, "value": user id}]}; written when the task is created
     */
    public static final String SKILLED_STAFF = "skilledStaff";
    /** the person a resource analyst chose when re-planning, one of {@link #SKILLED_STAFF} */
    public static final String PREFERRED_RESOURCE = "preferredResource";
    public static final String REPLAN_NOTE = "replanNote";
    /** ASSIGN, POSTPONE or ESCALATE */
    public static final String REPLAN_DECISION = "replanDecision";
    /** when a postponed allocation is tried again */
    public static final String POSTPONE_UNTIL = "postponeUntil";
    /** input parameter of the escalation tasks: why the operations managers are called in */
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String SHORTAGE_RESOLUTION = "shortageResolution";

    private Variables() {}
  }

  /** Values that forms submit and gateways compare. */
  public static final class Values {
    // the resource analyst's decision when nobody fits ("Re-plan resources")
    public static final String REPLAN_ASSIGN = "ASSIGN";
    public static final String REPLAN_POSTPONE = "POSTPONE";
    public static final String REPLAN_ESCALATE = "ESCALATE";

    private Values() {}
  }
}
