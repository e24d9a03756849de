package io.servicedelivery.simulation;

import io.servicedelivery.delivery.ServiceDeliveryProcess.Elements;
import io.servicedelivery.quality.QualityControlProcess;
import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of a delivery that take time in the simulation, named by the id of their BPMN element (the API and the
 * answers use these ids). Each has a duration distribution taken from the history; {@link #EXECUTE} is counted in
 * the working time of the person doing it, the others in wall-clock time (their waits for a coordinator, a manager,
 * a QA lead or the customer included).
 */
public enum Step {
  /** Plan delivery, by a service coordinator: from its creation to its completion; keyed by priority */
  PLAN_DELIVERY(Elements.PLAN_DELIVERY, "Plan delivery"),
  /** Execute service activities, by the allocated person, in their working time; keyed by service */
  EXECUTE(Elements.EXECUTE_SERVICE_ACTIVITIES, "Execute service activities"),
  /** Wait for customer: the customer's answer after the staff asked (the SLA clock stands still) */
  WAIT_FOR_CUSTOMER(Elements.WAIT_FOR_CUSTOMER, "Wait for customer"),
  /** Take corrective action, by an operations manager, after monitoring found issues or delays */
  CORRECTIVE_ACTION(Elements.TAKE_CORRECTIVE_ACTION, "Take corrective action"),
  /** Review quality, by a QA lead; a failed review sends the work back (rework) */
  REVIEW_QUALITY(QualityControlProcess.Elements.REVIEW_QUALITY, "Review quality"),
  /** from the resolution to the closure: the customer confirms, objects or stays silent until the period ends */
  CONFIRMATION(Elements.AWAIT_CONFIRMATION, "Await confirmation");

  private final String id;
  private final String label;

  Step(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** the BPMN element id */
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<Step> byId(String id) {
    return Arrays.stream(values()).filter(step -> step.id.equals(id)).findFirst();
  }
}
