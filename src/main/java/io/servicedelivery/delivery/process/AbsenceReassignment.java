package io.servicedelivery.delivery.process;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Messages.ASSIGNEE_ABSENT;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Variables.ABSENT_RESOURCE;

import io.servicedelivery.resourcing.AbsenceOverlapsReservations;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a person becomes absent while requests are reserved for them, each delivery hands the request to somebody
 * else on the "Reassignment" path of its diagram: the reservation moves, and so does the open execution task; when
 * nobody fits, the resource analysts re-plan.
 */
@Component
class AbsenceReassignment {

  private static final Logger log = LoggerFactory.getLogger(AbsenceReassignment.class);

  private final RuntimeService runtimeService;

  AbsenceReassignment(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @EventListener
  void reassign(AbsenceOverlapsReservations absence) {
    for (String requestId : absence.requestIds()) {
      boolean delivering =
          !runtimeService.createMessageCorrelation(ASSIGNEE_ABSENT)
              .processInstanceBusinessKey(requestId)
              .setVariable(ABSENT_RESOURCE, absence.userId())
              .correlateAllWithResult()
              .isEmpty();
      if (!delivering) {
        // only a delivery between its allocation and its closure holds a reservation; anything else is a leftover
        log.warn("{} is absent while reserved for {}, which is not being delivered", absence.userId(), requestId);
      }
    }
  }
}
