package io.servicedelivery.intake;

import io.servicedelivery.sla.Priority;
import java.util.Optional;

/**
 * The process that delivers a request, as intake sees it: intake hands it the requests it stored and the customer's
 * cancellations, answers and priority changes. The glue of the process service-delivery implements it
 * ({@code delivery.process.ServiceDeliveryRequests}), so that intake knows neither the engine nor the diagram's
 * messages and variables.
 */
public interface RequestProcess {

  /**
   * Starts the delivery of a request that was just stored, in the caller's transaction.
   *
   * @param catalogVersion the version of the service's catalog entry intake accepted the request under; the process
   *     validates the request against this version, also when another one has taken effect meanwhile
   */
  void start(String requestId, NewServiceRequest request, int catalogVersion);

  /**
   * Cancels the delivery running in the given process instance.
   *
   * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException when the process has ended meanwhile
   */
  void cancel(String processInstanceId, String reason);

  /**
   * Hands the customer's answer to the delivery that waits for it.
   *
   * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException when nobody is waiting for an answer
   */
  void answer(String processInstanceId, String answer);

  /**
   * The customer confirms that the completed delivery is as agreed: the request closes now, not when the
   * confirmation period ends.
   *
   * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException when the delivery is not waiting for the
   *     customer's confirmation
   */
  void confirm(String processInstanceId);

  /**
   * The customer objects to the completed delivery, in their own words: the request is reopened as rework.
   *
   * @throws org.camunda.bpm.engine.MismatchingMessageCorrelationException when the delivery is not waiting for the
   *     customer's confirmation
   */
  void reopen(String processInstanceId, String objection);

  /** Asks the delivery to recompute its SLA for another priority, for the given reason. */
  void changePriority(String processInstanceId, Priority priority, String reason);

  /**
   * The person the running delivery is assigned to now (the record learns it only at the end); empty before a person
   * was allocated, and once the delivery has ended.
   */
  Optional<String> assigneeOf(String processInstanceId);
}
