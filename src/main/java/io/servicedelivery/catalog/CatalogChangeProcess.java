package io.servicedelivery.catalog;

/**
 * The names that the diagram {@code bpmn/catalog-change.bpmn} (process {@code catalog-change}: the four-eyes
 * review and publication of a catalog change), its forms and the Java code share: messages, errors, element ids,
 * variables and the values forms submit. Nothing else in the code base spells them.
 */
public final class CatalogChangeProcess {

  /** the process id (key) of {@code bpmn/catalog-change.bpmn} */
  public static final String KEY = "catalog-change";

  private CatalogChangeProcess() {}

  /** Ids of the BPMN elements that code and tests refer to. */
  public static final class Elements {
    public static final String CATALOG_CHANGE_PROPOSED = "StartEvent_CatalogChangeProposed";
    public static final String REVIEW_CATALOG_CHANGE = "Task_ReviewCatalogChange";
    public static final String CATALOG_CHANGE_APPROVED = "Gateway_CatalogChangeApproved";
    public static final String PUBLISH_CATALOG_VERSION = "Task_PublishCatalogVersion";
    public static final String CATALOG_VERSION_PUBLISHED = "EndEvent_CatalogVersionPublished";
    public static final String RECORD_CATALOG_REJECTION = "Task_RecordCatalogRejection";
    public static final String CATALOG_CHANGE_REJECTED = "EndEvent_CatalogChangeRejected";

    private Elements() {}
  }

  public static final class Variables {
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
    // what "Review catalog change" shows people, written by the glue (CatalogChangeDisplay) as the task is created:
    // the time in the business calendar's zone, the proposer by name
    public static final String CATALOG_CHANGE_EFFECTIVE_FROM_TEXT = "catalogChangeEffectiveFromText";
    public static final String CATALOG_CHANGE_PROPOSED_BY_NAME = "catalogChangeProposedByName";

    private Variables() {}
  }

  /** Values that forms submit and gateways compare. */
  public static final class Values {
    // the reviewer's decision ("Review catalog change")
    public static final String CATALOG_CHANGE_APPROVE = "APPROVE";
    public static final String CATALOG_CHANGE_REJECT = "REJECT";

    private Values() {}
  }
}
