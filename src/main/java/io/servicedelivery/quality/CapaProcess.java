package io.servicedelivery.quality;

/**
 * The names that the diagram {@code bpmn/capa.bpmn} (process {@code capa}: corrective and preventive action after
 * a quality failure), its forms and the Java code share: messages, errors, element ids, variables and the values
 * forms submit. Nothing else in the code base spells them.
 */
public final class CapaProcess {

  /** the process id (key) of {@code bpmn/capa.bpmn} */
  public static final String KEY = "capa";

  private CapaProcess() {}

  public static final class Messages {
    public static final String CAPA_REQUESTED = "CapaRequested";

    private Messages() {}
  }

  /** Ids of the BPMN elements that code and tests refer to. */
  public static final class Elements {
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

    private Elements() {}
  }

  public static final class Variables {
    // CAPA_TRIGGER and CAPA_ID are also variables of quality-control: why a CAPA is requested, the one the request
    // joined
    public static final String CAPA_TRIGGER = "capaTrigger";
    public static final String CAPA_ID = "capaId";
    public static final String CAPA_TITLE = "capaTitle";
    public static final String CAPA_PROBLEM = "capaProblem";
    public static final String CAPA_SERVICE_CODE = "capaServiceCode";
    public static final String CAPA_REQUEST_ID = "capaRequestId";
    public static final String CAPA_REVIEW_ROUND = "capaReviewRound";
    public static final String CAPA_OPENED_BY = "capaOpenedBy";
    public static final String CAPA_DUE_AT = "capaDueAt";
    /** the requests linked to the CAPA when it was opened, one a line, with the trigger's code */
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
    // what the forms show people, written by the glue (CapaDisplay) before each task: dates in the business
    // calendar's zone, codes by their labels, people by their names
    public static final String CAPA_DUE_TEXT = "capaDueText";
    public static final String CAPA_SERVICE_NAME = "capaServiceName";
    /** the requests linked to the CAPA now, one a line, with why they were linked in words */
    public static final String CAPA_REQUESTS_TEXT = "capaRequestsText";
    public static final String CAUSE_CATEGORY_LABEL = "causeCategoryLabel";
    public static final String ACTION_OWNER_NAME = "actionOwnerName";
    public static final String ACTION_DUE_TEXT = "actionDueText";
    /** local to an escalation task, next to its {@link #ESCALATION_KIND} */
    public static final String ESCALATION_KIND_LABEL = "escalationKindLabel";
    /** the people "Plan corrective action" offers as action owner: a list of {label: name, value: user id} */
    public static final String ACTION_OWNER_OPTIONS = "actionOwnerOptions";

    private Variables() {}
  }

  /** The start form "Open a CAPA" and its input data, computed when the form is shown. */
  public static final class StartForm {
    public static final String FORM_ID = "start-capa";
    /** the services in force, as options ({@code label}, {@code value}) of the field {@code capaServiceCode} */
    public static final String SERVICES = "services";

    private StartForm() {}
  }

  /** Values that forms submit and gateways compare. */
  public static final class Values {
    public static final String ACTIONS_EFFECTIVE = "EFFECTIVE";
    public static final String ACTIONS_NOT_EFFECTIVE = "NOT_EFFECTIVE";
    public static final String ESCALATION_ACTIONS_OVERDUE = "ACTIONS_OVERDUE";
    public static final String ESCALATION_CAPA_OVERDUE = "CAPA_OVERDUE";

    private Values() {}
  }
}
